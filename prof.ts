import { organizationWorkload } from './bench/workloads.ts';
const kind = process.argv[2] as 'p2p' | 'client-server';
const r = organizationWorkload(kind, 100000, Number(process.argv[3] ?? 200), 1);
console.log(kind, r.seconds.toFixed(2), 's', (r.throughput).toFixed(1), 'ticks/s', JSON.stringify(r.extra));
