// Node 20 cannot start a worker thread from a .ts file: register tsx's loader in
// this thread, then load the sweep worker's TypeScript entry (see TOOLCHAIN.md).
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
