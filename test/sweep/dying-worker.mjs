// A stand-in sweep worker process for the pool tests: answers every run, except
// that run 1 exits with code 7, run 3 throws outside any handler (reported, then
// the process exits, as workers/sweep-worker.ts does), and run 6 never returns
// (only killing the process ends it: the pool's --timeout). It records the V8
// flags it was started with in its answers, for the flag policy test.
process.on('message', (task) => {
  if ('init' in task) return;
  if (task.run === 1) process.exit(7);
  if (task.run === 6) for (;;);
  if (task.run === 3) setTimeout(() => { throw new Error('boom in run 3'); }, 0);
  else process.send({ run: task.run, ok: true, result: { rows: [], series: process.execArgv.join(' ') } });
});
process.on('uncaughtException', (e) => process.send({ fatal: e.message }, undefined, undefined, () => process.exit(70)));
process.on('disconnect', () => process.exit());
