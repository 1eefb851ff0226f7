import type { Scenario, Shock, Informal, InformationItem } from '../../engine/scenario/schema.ts';
type A = Scenario['organization']['formal'];
const f = (s: Scenario) => {
  const a: A = s.organization.formal;
  const sh: Shock = s.shocks[0]!;
  if (sh.kind === 'remove-nodes') { const t: 'random' | 'degree' | 'betweenness' | 'top' | 'ids' = sh.target; void t; const c: number | undefined = sh.count; void c; }
  if (sh.kind === 'partition') { const g = sh.groups; void g; }
  const i: Informal = s.organization.informal;
  if (i.kind === 'small-world') { const k: number = i.k; void k; }
  const it: InformationItem = s.information.items[0]!;
  const seeds: (number | string)[] | null = it.seeds; void seeds;
  const fc: number = s.protocol.factCheck; const dw: number[] = s.environment.domainWeights;
  const w: string[] = s.lesson[0]!.watch;
  const size: number | undefined = s.organization.size;
  void a; void fc; void dw; void w; void size;
};
void f;
