// The sweep's output tables, written in each of the sweep's formats at once:
// CSV (`<name>.csv`, numbers at full precision, empty for null) and Parquet
// (`<name>.parquet`, typed columns, through hyparquet-writer in row groups of
// ROW_GROUP rows, so a table never sits whole in memory). Both go to a
// temporary file renamed into place on commit, so a failure leaves no half file.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { AtomicFile } from '../files.ts';
import { fmt } from './tables.ts';

/** A column's type in Parquet (CSV writes every type as text). */
export type ColumnType = 'int' | 'int64' | 'double' | 'string';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export type Format = 'csv' | 'parquet';

/** Rows per Parquet row group. */
const ROW_GROUP = 50_000;

/** One output table in every format asked for. */
export interface TableWriter {
  /** One row, a cell per column (numbers, strings, null; other JSON is written as JSON text). */
  row(cells: readonly unknown[]): void;
  /** Rows already formatted as CSV lines (each ending in a newline), as the series journal holds them. */
  csvLines(text: string): void;
  commit(): void;
  abort(): void;
}

/** Opens `<dir>/<name>.<format>` for each format. */
export function openTable(dir: string, name: string, columns: readonly ColumnSpec[], formats: readonly Format[], createdBy: string): TableWriter {
  const parts: TableWriter[] = [];
  try {
    for (const f of formats) parts.push(f === 'csv' ? new CsvTable(join(dir, `${name}.csv`), columns) : new ParquetTable(join(dir, `${name}.parquet`), columns, createdBy));
  } catch (e) {
    for (const p of parts) p.abort();
    throw e;
  }
  return {
    row: (cells) => parts.forEach((p) => p.row(cells)),
    csvLines: (text) => parts.forEach((p) => p.csvLines(text)),
    commit: () => parts.forEach((p) => p.commit()),
    abort: () => parts.forEach((p) => p.abort()),
  };
}

class CsvTable implements TableWriter {
  private readonly file: AtomicFile;

  constructor(path: string, columns: readonly ColumnSpec[]) {
    this.file = new AtomicFile(path);
    this.file.write(`${columns.map((c) => fmt(c.name)).join(',')}\n`);
  }

  row(cells: readonly unknown[]): void {
    this.file.write(`${cells.map(fmt).join(',')}\n`);
  }

  csvLines(text: string): void {
    this.file.write(text);
  }

  commit(): void {
    this.file.commit();
  }

  abort(): void {
    this.file.abort();
  }
}

const SCHEMA: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  int: { type: 'INT32', repetition_type: 'OPTIONAL' },
  int64: { type: 'INT64', repetition_type: 'OPTIONAL' },
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
};

/** A cell as its Parquet column holds it (null for an empty cell). */
function parquetValue(type: ColumnType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'string') return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  const x = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  if (!Number.isFinite(x)) return null;
  return type === 'int64' ? BigInt(x) : x;
}

class ParquetTable implements TableWriter {
  private readonly tmp: string;
  private readonly writer: ParquetWriter;
  private buffers: unknown[][];
  private rows = 0;
  private closed = false;

  constructor(private readonly path: string, private readonly columns: readonly ColumnSpec[], createdBy: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...SCHEMA[c.type] }))];
    this.writer = new ParquetWriter({ writer: fileWriter(this.tmp), schema, createdBy });
    this.buffers = columns.map(() => []);
  }

  row(cells: readonly unknown[]): void {
    this.columns.forEach((c, j) => this.buffers[j]!.push(parquetValue(c.type, cells[j])));
    if (++this.rows >= ROW_GROUP) this.flush();
  }

  csvLines(text: string): void {
    let from = 0;
    while (from < text.length) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl;
      if (end > from) this.row(parseCsvLine(text.slice(from, end)).map((f, j) => (this.columns[j]?.type === 'string' ? f : f === '' ? null : f)));
      from = end + 1;
    }
  }

  private flush(): void {
    if (this.rows === 0) return;
    void this.writer.write({ columnData: this.columns.map((c, j) => ({ name: c.name, data: this.buffers[j]! as never })), rowGroupSize: this.rows });
    this.buffers = this.columns.map(() => []);
    this.rows = 0;
  }

  commit(): void {
    this.flush();
    void this.writer.finish();
    this.closed = true;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    if (!this.closed) rmSync(this.tmp, { force: true });
    this.closed = true;
  }
}

/** The fields of one CSV line (RFC 4180 quoting: "" inside quotes is a quote). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in CSV line: ${line.slice(0, 80)}`);
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(s);
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) break;
    i++; // the comma
    if (i === line.length) {
      out.push('');
      break;
    }
  }
  return out;
}
