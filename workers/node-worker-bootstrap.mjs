// Node 20 cannot start a worker thread from a .ts file: register tsx's loader in
// this thread, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
