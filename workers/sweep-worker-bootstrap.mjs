// The sweep worker through tsx's loader, when its bundle cannot be made (see
// cli/sweep/worker-bundle.ts): Node 20 cannot run a .ts entry by itself, so this
// process registers the loader, then loads the worker's TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
