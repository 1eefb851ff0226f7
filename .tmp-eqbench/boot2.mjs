import { register } from 'tsx/esm/api';
register();
await import('/work/main/workers/sweep-task.ts');
const { parentPort } = await import('node:worker_threads');
parentPort.postMessage('ready');
