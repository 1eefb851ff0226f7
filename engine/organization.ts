// The organization (MODEL.md §3): the formal tree and the informal graph built
// from a scenario and the organization stream, plus the people's ids and the
// node attributes a file brings. Data files arrive as text (the engine does no
// I/O): `data` maps each path written in the scenario to its contents.
import type { Graph } from './graph/csr.ts';
import type { Formal } from './graph/formal.ts';
import { parseNodesCsv, nodesFromEdges, type ParsedNodes } from './graph/file.ts';
import { buildFormal, buildInformal, type LayerSpec } from './graph/generators.ts';
import type { Rng } from './rng.ts';
import type { Scenario } from './scenario/schema.ts';

export interface Organization {
  n: number;
  formal: Formal | null;
  informal: Graph;
  /** The scenario's own id of each person (a file's ids, or "0" … "n-1"). */
  labels: string[];
  /** Node columns from a nodes file, by column name (values in person order). */
  attributes: Record<string, string[]>;
}

/** An error in a scenario's organization that only shows when it is built (a file that is not a tree…). */
export class OrganizationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrganizationError';
  }
}

/** Builds both layers. Throws OrganizationError with the scenario path and the fix. */
export function buildOrganization(scenario: Scenario, rng: Rng, data: Record<string, string>): Organization {
  const org = scenario.organization as unknown as { size?: number; formal: LayerSpec | null; informal?: LayerSpec };
  const formalSpec = org.formal ?? null;
  const informalSpec: LayerSpec = org.informal ?? { kind: 'same-as-formal' };
  const text = (path: unknown, where: string): string | undefined => {
    if (typeof path !== 'string') return undefined;
    const t = data[path];
    if (t === undefined) throw new OrganizationError(`${where}: the file "${path}" was not provided (the command line reads it next to the scenario file)`);
    return t;
  };
  try {
    // One set of people for the organization: the first nodes file named, else the ids in the edges.
    const nodesText = text(formalSpec?.kind === 'file' ? formalSpec.nodes : undefined, 'organization.formal.nodes')
      ?? text(informalSpec.kind === 'file' ? informalSpec.nodes : undefined, 'organization.informal.nodes');
    let nodes: ParsedNodes | undefined = nodesText !== undefined ? parseNodesCsv(nodesText) : undefined;
    const formalEdges = formalSpec?.kind === 'file' ? text(formalSpec.edges, 'organization.formal.edges') : undefined;
    const informalEdges = informalSpec.kind === 'file' ? text(informalSpec.edges, 'organization.informal.edges') : undefined;
    if (!nodes && (formalEdges !== undefined || informalEdges !== undefined)) nodes = nodesFromEdges((formalEdges ?? informalEdges)!);
    let n: number;
    if (nodes) n = nodes.ids.length;
    else if (typeof org.size === 'number') n = org.size;
    else if (informalSpec.kind === 'lattice' && typeof informalSpec.width === 'number' && typeof informalSpec.height === 'number') n = informalSpec.width * informalSpec.height;
    else throw new OrganizationError('organization.size: the organization needs a size (or a file layer that gives it)');

    const formal = buildFormal(formalSpec, { n, formal: null, rng, files: { nodes, edges: formalEdges } });
    const informal = buildInformal(informalSpec, { n, formal, rng, files: { nodes, edges: informalEdges } });
    const labels = nodes ? [...nodes.ids] : Array.from({ length: n }, (_, i) => String(i));
    return { n, formal, informal, labels, attributes: nodes ? { ...nodes.columns } : {} };
  } catch (e) {
    if (e instanceof OrganizationError) throw e;
    throw new OrganizationError((e as Error).message);
  }
}
