// Reading a file layer's text (MODEL.md §3): nodes and edges files as CSV with a
// header row or as JSON, into ids and columns as strings. No I/O: the callers read
// the files. file.ts turns what is read here into layers.

/** A nodes file: ids in file order and every other column, as strings, by header name. */
export interface ParsedNodes {
  ids: string[];
  columns: Record<string, string[]>;
}

/** An edges file: arcs as file ids, with the weight column when there is one. */
export interface ParsedEdges {
  source: string[];
  target: string[];
  weight: Float64Array | null;
  /** Where each arc came from, for messages: "line 12" or "edge #3". */
  where: string[];
}

/** Parses a nodes file (CSV with a header, or JSON); the id column is `id`, else the first. */
export function parseNodesCsv(text: string): ParsedNodes {
  if (looksLikeJson(text)) return nodesFromJson(text);
  const rows = readCsv(text);
  if (rows.length === 0) throw new Error('the nodes file is empty: it needs a header row and one row per person');
  const header = rows[0]!.fields.map((h) => h.trim());
  const repeated = header.find((h, c) => header.indexOf(h) !== c);
  if (repeated !== undefined) throw new Error(`nodes file: the header names the column "${repeated}" twice`);
  let idColumn = header.findIndex((h) => h.toLowerCase() === 'id');
  if (idColumn < 0) idColumn = 0;
  const names = header.filter((_, c) => c !== idColumn);
  const columns: Record<string, string[]> = {};
  for (const name of names) columns[name] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const { fields, line } = rows[r]!;
    if (fields.length > header.length) {
      throw new Error(`nodes file, line ${line}: ${fields.length} fields but the header has ${header.length}`);
    }
    const id = (fields[idColumn] ?? '').trim();
    if (id === '') throw new Error(`nodes file, line ${line}: the id is empty`);
    if (seen.has(id)) throw new Error(`nodes file, line ${line}: id "${id}" appears twice`);
    seen.add(id);
    ids.push(id);
    let k = 0;
    for (let c = 0; c < header.length; c++) {
      if (c === idColumn) continue;
      columns[names[k++]!]!.push((fields[c] ?? '').trim());
    }
  }
  return { ids, columns };
}

/**
 * Parses an edges file (CSV or JSON). The columns are found by header name
 * (`source`/`target` or `from`/`to`, optional `weight`); without such a header
 * the first two columns are the arc and a third, if any, its weight.
 */
export function parseEdgesCsv(text: string): ParsedEdges {
  if (looksLikeJson(text)) return edgesFromJson(text);
  const rows = readCsv(text);
  const source: string[] = [], target: string[] = [], where: string[] = [];
  const weights: number[] = [];
  let s = 0, t = 1, w = -1, first = 0;
  if (rows.length > 0) {
    const head = rows[0]!.fields.map((h) => h.trim().toLowerCase());
    const si = head.indexOf('source') >= 0 ? head.indexOf('source') : head.indexOf('from');
    const ti = head.indexOf('target') >= 0 ? head.indexOf('target') : head.indexOf('to');
    if (si >= 0 && ti >= 0) {
      s = si; t = ti; w = head.indexOf('weight'); first = 1;
    } else if (head.length >= 3) {
      w = 2;
    }
  }
  for (let r = first; r < rows.length; r++) {
    const { fields, line } = rows[r]!;
    const a = (fields[s] ?? '').trim(), b = (fields[t] ?? '').trim();
    if (a === '' || b === '') throw new Error(`edges file, line ${line}: an arc needs a source and a target`);
    source.push(a);
    target.push(b);
    where.push(`line ${line}`);
    if (w >= 0) {
      const raw = (fields[w] ?? '').trim();
      const value = raw === '' ? NaN : Number(raw);
      if (raw !== '' && !Number.isFinite(value)) throw new Error(`edges file, line ${line}: weight "${raw}" is not a number`);
      weights.push(value);
    }
  }
  return { source, target, weight: w >= 0 ? Float64Array.from(weights) : null, where };
}

/**
 * People for an edges file that comes without a nodes file: every id the arcs
 * name, in ascending numeric order when all are integers, else in order of first
 * appearance. No columns.
 */
export function nodesFromEdges(edgesText: string): ParsedNodes {
  const edges = parseEdgesCsv(edgesText);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (let e = 0; e < edges.source.length; e++) {
    for (const id of [edges.source[e]!, edges.target[e]!]) {
      if (!seen.has(id)) { seen.add(id); ids.push(id); }
    }
  }
  if (ids.every((id) => /^-?\d+$/.test(id))) ids.sort((a, b) => Number(a) - Number(b));
  return { ids, columns: {} };
}

function looksLikeJson(text: string): boolean {
  const c = text.trimStart()[0];
  return c === '[' || c === '{';
}

/** CSV records with their line numbers: quoted fields ("" escapes a quote), CRLF or LF, BOM, blank and `#` lines skipped. */
function readCsv(text: string): { fields: string[]; line: number }[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]!.trim() === '' && !touched;
    if (!blank && !(fields[0]!.trimStart().startsWith('#') && !touched)) rows.push({ fields, line: start });
    fields = [];
    field = '';
    touched = false;
  };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"') {
        if (text[k + 1] === '"') { field += '"'; k++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === sep) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[k + 1] === '\n') k++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || fields.length > 0 || touched) endRecord();
  return rows;
}

function jsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`the ${what} file is not valid JSON: ${(e as Error).message}`);
  }
}

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function nodesFromJson(text: string): ParsedNodes {
  const data = jsonText(text, 'nodes');
  const list = Array.isArray(data) ? data : (data as { nodes?: unknown }).nodes;
  if (!Array.isArray(list)) throw new Error('the nodes JSON must be a list of {"id": …} objects, or {"nodes": [...]}');
  const ids: string[] = [];
  const columns: Record<string, string[]> = {};
  const seen = new Set<string>();
  list.forEach((item, k) => {
    if (typeof item !== 'object' || item === null || !('id' in item)) {
      throw new Error(`nodes file, node #${k + 1}: expected an object with an "id"`);
    }
    const record = item as Record<string, unknown>;
    const id = asString(record.id).trim();
    if (id === '') throw new Error(`nodes file, node #${k + 1}: the id is empty`);
    if (seen.has(id)) throw new Error(`nodes file, node #${k + 1}: id "${id}" appears twice`);
    seen.add(id);
    ids.push(id);
    for (const key of Object.keys(record)) {
      if (key === 'id') continue;
      if (!(key in columns)) columns[key] = new Array<string>(k).fill('');
      columns[key]!.push(asString(record[key]));
    }
    for (const key of Object.keys(columns)) if (columns[key]!.length < ids.length) columns[key]!.push('');
  });
  return { ids, columns };
}

function edgesFromJson(text: string): ParsedEdges {
  const data = jsonText(text, 'edges');
  const holder = data as { links?: unknown; edges?: unknown };
  const list = Array.isArray(data) ? data : Array.isArray(holder.links) ? holder.links : holder.edges;
  if (!Array.isArray(list)) throw new Error('the edges JSON must be a list of {"source": …, "target": …} objects, or {"links": [...]}');
  const source: string[] = [], target: string[] = [], where: string[] = [];
  const weights: number[] = [];
  let weighted = false;
  list.forEach((item, k) => {
    let a: unknown, b: unknown, w: unknown;
    if (Array.isArray(item)) [a, b, w] = item;
    else if (typeof item === 'object' && item !== null) {
      const r = item as Record<string, unknown>;
      a = 'source' in r ? r.source : r.from;
      b = 'target' in r ? r.target : r.to;
      w = r.weight;
    }
    const sa = asString(a).trim(), sb = asString(b).trim();
    if (sa === '' || sb === '') throw new Error(`edges file, edge #${k + 1}: an arc needs a source and a target`);
    source.push(sa);
    target.push(sb);
    where.push(`edge #${k + 1}`);
    if (w !== undefined && w !== null) weighted = true;
    weights.push(w === undefined || w === null ? NaN : Number(w));
  });
  return { source, target, weight: weighted ? Float64Array.from(weights) : null, where };
}
