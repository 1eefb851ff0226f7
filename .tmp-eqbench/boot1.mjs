import { register } from 'tsx/esm/api';
register();
const { parentPort } = await import('node:worker_threads');
parentPort.postMessage('ready');
