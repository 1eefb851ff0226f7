import { Worker } from 'node:worker_threads';
for (const f of ['/work/main/.tmp-eqbench/boot1.mjs', '/work/main/.tmp-eqbench/boot2.mjs']) for (const n of [1, 2]) {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((res) => { const w = new Worker(f); w.once('message', () => { res(); w.terminate(); }); })));
  console.log(f, n, (performance.now() - t0).toFixed(0), 'ms');
}
