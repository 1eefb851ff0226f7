// A Node worker_threads entry hosting one simulation (started through node-worker-bootstrap.mjs).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createHost } from './host.ts';

if (!parentPort) throw new Error('workers/node-worker.ts runs as a worker thread; use spawnSimulationWorker()');
Comlink.expose(createHost(), nodeEndpoint(parentPort));
