// Real organizations read from scenarios/data/ (see its README for sources and
// licences) through the `file` layers, checked against the published facts:
// arc counts, Krackhardt's reports-to tree, Lazega's cowork among partners,
// Zachary's karate club, and email-Eu-core's components, triangles and clustering.
// Every count is also recomputed here from the raw text, independently of file.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Graph, tieCount } from '../../engine/graph/csr.ts';
import { fileArcs, fileFormal, fileLayer, nodeIndex, parseEdgesCsv, parseNodesCsv } from '../../engine/graph/file.ts';
import { buildInformal } from '../../engine/graph/generators.ts';
import { standaloneRng } from '../../engine/rng.ts';

const read = (path: string): string => readFileSync(new URL(`../../scenarios/data/${path}`, import.meta.url), 'utf8');

/** Raw data rows of a simple CSV (no quotes in these files), header dropped. */
function rawRows(text: string): string[][] {
  return text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
}

/** Undirected simple ties of raw arcs, as "min,max" strings (numeric ids), loops dropped. */
function rawUnion(text: string): Set<string> {
  const ties = new Set<string>();
  for (const [s, t] of rawRows(text)) {
    const a = Number(s), b = Number(t);
    if (a !== b) ties.add(`${Math.min(a, b)},${Math.max(a, b)}`);
  }
  return ties;
}

function rawMutual(text: string): number {
  const arcs = new Set(rawRows(text).map(([s, t]) => `${s},${t}`));
  let mutual = 0;
  for (const arc of arcs) {
    const [s, t] = arc.split(',');
    if (Number(s) < Number(t) && arcs.has(`${t},${s}`)) mutual++;
  }
  return mutual;
}

function deg(g: Graph, i: number): number {
  return g.offsets[i + 1]! - g.offsets[i]!;
}

describe('Krackhardt high-tech managers', () => {
  const nodes = parseNodesCsv(read('krackhardt-hightech/nodes.csv'));
  const index = nodeIndex(nodes);

  it('has 21 managers and 190 advice and 102 friendship arcs; the undirected layers are the union of arcs', () => {
    expect(nodes.ids.length).toBe(21);
    for (const [file, arcs] of [['edges-advice.csv', 190], ['edges-friendship.csv', 102]] as const) {
      const text = read(`krackhardt-hightech/${file}`);
      expect(fileArcs(nodes, text).src.length).toBe(arcs);
      expect(tieCount(fileLayer(nodes, text))).toBe(rawUnion(text).size);
      expect(tieCount(fileLayer(nodes, text, true))).toBe(rawMutual(text));
    }
    // The union is smaller than the arc count: reciprocated nominations collapse to one tie.
    expect(rawUnion(read('krackhardt-hightech/edges-advice.csv')).size).toBeLessThan(190);
  });

  it('reports-to is one tree of 20 arcs rooted at the CEO (id 7), with depth = level − 1 for everyone', () => {
    const text = read('krackhardt-hightech/edges-reports-to.csv');
    expect(parseEdgesCsv(text).source.length).toBe(20);
    const formal = fileFormal(nodes, text);
    expect(nodes.ids[formal.root]).toBe('7');
    const level = nodes.columns.level!;
    const dept = nodes.columns.dept!;
    for (let i = 0; i < 21; i++) {
      expect(formal.level[i]).toBe(Number(level[i]) - 1);
      // Managers report to the VP of their department; VPs to the CEO.
      if (level[i] === '3') {
        const boss = formal.parent[i]!;
        expect(level[boss]).toBe('2');
        expect(dept[boss]).toBe(dept[i]);
      }
      if (level[i] === '2') expect(formal.parent[i]).toBe(index.get('7'));
    }
  });
});

describe('Lazega law firm', () => {
  const nodes = parseNodesCsv(read('lazega-lawfirm/nodes.csv'));
  const index = nodeIndex(nodes);
  const cowork = fileLayer(nodes, read('lazega-lawfirm/edges-cowork.csv'));

  it('has 71 lawyers, 892 advice arcs, 575 friendship arcs and 378 undirected cowork ties', () => {
    expect(nodes.ids.length).toBe(71);
    expect(fileArcs(nodes, read('lazega-lawfirm/edges-advice.csv')).src.length).toBe(892);
    expect(fileArcs(nodes, read('lazega-lawfirm/edges-friendship.csv')).src.length).toBe(575);
    expect(fileArcs(nodes, read('lazega-lawfirm/edges-cowork.csv')).src.length).toBe(378);
    expect(tieCount(cowork)).toBe(378);
    expect(rawUnion(read('lazega-lawfirm/edges-cowork.csv')).size).toBe(378);
  });

  it('has 115 cowork ties among the 36 partners, and lawyer 8 has none', () => {
    const status = nodes.columns.status!;
    let partnerTies = 0;
    for (let u = 0; u < 71; u++) {
      for (let a = cowork.offsets[u]!; a < cowork.offsets[u + 1]!; a++) {
        const v = cowork.targets[a]!;
        if (u < v && status[u] === '1' && status[v] === '1') partnerTies++;
      }
    }
    expect(status.filter((s) => s === '1').length).toBe(36);
    expect(nodes.ids.filter((_, i) => status[i] === '1')).toEqual(Array.from({ length: 36 }, (_, i) => String(i + 1)));
    expect(partnerTies).toBe(115);
    expect(deg(cowork, index.get('8')!)).toBe(0);
    const friendship = fileLayer(nodes, read('lazega-lawfirm/edges-friendship.csv'));
    expect(deg(friendship, index.get('44')!)).toBe(0);
    expect(deg(friendship, index.get('47')!)).toBe(0);
    expect(nodes.columns.office_label!.slice(0, 2)).toEqual(['Boston', 'Boston']);
  });
});

describe("Zachary's karate club", () => {
  const nodes = parseNodesCsv(read('zachary-karate/nodes.csv'));
  const text = read('zachary-karate/edges-interaction.csv');

  it('has 34 members and 78 ties, weights 1–7 kept beside the ties, two clubs of 17', () => {
    expect(nodes.ids.length).toBe(34);
    const g = buildInformal({ kind: 'file', nodes: 'nodes.csv', edges: 'edges-interaction.csv' }, {
      n: 34, formal: null, rng: standaloneRng(1, 'organization'), files: { nodes, edges: text },
    });
    expect(tieCount(g)).toBe(78);
    const { weight } = fileArcs(nodes, text);
    expect(weight!.length).toBe(78);
    expect(Math.min(...weight!)).toBe(1);
    expect(Math.max(...weight!)).toBe(7);
    const club = nodes.columns.club_after_split!;
    expect(club.filter((c) => c === 'Mr. Hi').length).toBe(17);
    expect(club.filter((c) => c === 'Officer').length).toBe(17);
    // The instructor (0) and the administrator (33) are the two hubs: degrees 16 and 17.
    expect(deg(g, 0)).toBe(16);
    expect(deg(g, 33)).toBe(17);
  });
});

describe('email-Eu-core', () => {
  const nodes = parseNodesCsv(read('email-eu-core/nodes.csv'));
  const text = read('email-eu-core/edges-email.csv');
  const g = fileLayer(nodes, text);

  it('has 1005 people, 25,571 arcs of which 642 are self-loops', () => {
    expect(nodes.ids.length).toBe(1005);
    const { src, dst } = fileArcs(nodes, text);
    expect(src.length).toBe(25_571);
    let loops = 0;
    for (let e = 0; e < src.length; e++) if (src[e] === dst[e]) loops++;
    expect(loops).toBe(642);
    expect(tieCount(g)).toBe(rawUnion(text).size);
    expect(new Set(nodes.columns.department).size).toBe(42);
  });

  it('has a largest weakly connected component of 986 people', () => {
    const seen = new Uint8Array(g.n);
    const queue = new Int32Array(g.n);
    let largest = 0;
    for (let s = 0; s < g.n; s++) {
      if (seen[s]) continue;
      let head = 0, tail = 0;
      queue[tail++] = s;
      seen[s] = 1;
      while (head < tail) {
        const u = queue[head++]!;
        for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
          const v = g.targets[a]!;
          if (!seen[v]) { seen[v] = 1; queue[tail++] = v; }
        }
      }
      largest = Math.max(largest, tail);
    }
    expect(largest).toBe(986);
  });

  it('has 105,461 triangles and average clustering 0.3994 as an undirected simple graph', () => {
    const mark = new Int32Array(g.n).fill(-1);
    let corners = 0, clustering = 0;
    for (let u = 0; u < g.n; u++) {
      const d = deg(g, u);
      for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) mark[g.targets[a]!] = u;
      let closed = 0;
      for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
        const v = g.targets[a]!;
        for (let b = g.offsets[v]!; b < g.offsets[v + 1]!; b++) if (mark[g.targets[b]!] === u) closed++;
      }
      corners += closed; // each triangle at u is counted twice here, and seen from its 3 corners
      if (d >= 2) clustering += closed / (d * (d - 1));
    }
    expect(corners / 6).toBe(105_461);
    expect(Math.abs(clustering / g.n - 0.3994)).toBeLessThan(1e-4);
  });
});

describe('file parsing', () => {
  const nodes = parseNodesCsv('id,name,parent\r\n"a","Ann, the boss",\r\nb,"Bob ""B""",a\r\nc,Cy,a\r\nd,Di,b\r\n');

  it('reads quoted fields, CRLF and a trailing newline, keeping every column as text', () => {
    expect(nodes.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(nodes.columns.name).toEqual(['Ann, the boss', 'Bob "B"', 'Cy', 'Di']);
    const edges = parseEdgesCsv('source,target,weight\r\nb,a,2.5\r\n\r\nc,a,1\r\n');
    expect(edges.source).toEqual(['b', 'c']);
    expect(Array.from(edges.weight!)).toEqual([2.5, 1]);
  });

  it('builds the formal tree from a `parent` column or from person → manager arcs', () => {
    const fromColumn = fileFormal(nodes, null);
    expect(Array.from(fromColumn.parent)).toEqual([-1, 0, 0, 1]);
    expect(Array.from(fromColumn.level)).toEqual([0, 1, 1, 2]);
    const fromArcs = fileFormal(nodes, 'source,target\nb,a\nc,a\nd,b\n');
    expect(Array.from(fromArcs.parent)).toEqual([-1, 0, 0, 1]);
  });

  it('accepts JSON nodes and edges, including node-link objects', () => {
    const json = parseNodesCsv('[{"id": "x", "office": "Boston"}, {"id": 2, "office": null}, {"id": "z"}]');
    expect(json.ids).toEqual(['x', '2', 'z']);
    expect(json.columns.office).toEqual(['Boston', '', '']);
    const g = fileLayer(json, '[{"source": "x", "target": 2}, {"source": "z", "target": "x", "weight": 3}]');
    expect(tieCount(g)).toBe(2);
    const linked = parseNodesCsv('{"nodes": [{"id": 0}, {"id": 1}], "links": []}');
    expect(tieCount(fileLayer(linked, '{"nodes": [], "links": [{"source": 0, "target": 1}]}'))).toBe(1);
  });

  it('says which file id is wrong: unknown id, two roots, a cycle, two managers', () => {
    expect(() => fileLayer(nodes, 'source,target\na,q\n')).toThrow(/line 2: id "q" is not in the nodes file/);
    expect(() => fileFormal(nodes, 'source,target\nb,a\nd,b\n')).toThrow(/two roots, "a" and "c"/);
    expect(() => fileFormal(nodes, 'source,target\nb,a\nc,d\nd,c\n')).toThrow(/cycle: "c" → "d" → "c"/);
    expect(() => fileFormal(nodes, 'source,target\nb,a\nc,a\nd,b\nd,c\n')).toThrow(/"d" reports to two managers, "b" and "c"/);
    expect(() => parseNodesCsv('id,x\n1,a\n1,b\n')).toThrow(/id "1" appears twice/);
  });
});
