// A stand-in sweep worker for the pool test: answers every run, except that run 1
// ends its thread (process.exit inside a worker ends only the thread) and run 3
// throws outside any handler (an uncaught exception kills the thread), and run 6
// never returns (only terminating the thread ends it: the pool's --timeout).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  if (task.run === 1) process.exit(7);
  if (task.run === 6) for (;;);
  if (task.run === 3) setTimeout(() => { throw new Error('boom in run 3'); }, 0);
  else parentPort.postMessage({ run: task.run, ok: true, result: { rows: [], series: null } });
});
