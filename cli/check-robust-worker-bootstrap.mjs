// The robust worker through tsx's loader, when its bundle cannot be made (see
// cli/sweep/worker-bundle.ts): registers the loader, then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./check-robust-worker.ts');
