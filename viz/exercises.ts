// The exercises of docs/students.md, read from the file itself (bundled as text),
// so the page's "things to try" are the students' handout: each with its scenario,
// its changes (`--set path=value`) and variant choice, applied in one click.

export interface Exercise {
  n: number;
  title: string;
  scenario: string;
  sets: [string, unknown][];
  variant?: string;
  /** What the exercise asks, as written (without the command). */
  text: string;
}

/** A `--set` value as the command line reads it: JSON when it parses, else the text. */
function value(raw: string): unknown {
  try { return JSON.parse(raw); } catch { return raw; }
}

export function parseExercises(md: string): Exercise[] {
  const out: Exercise[] = [];
  const items = md.split(/\n(?=\d+\. \*\*)/).slice(1);
  for (const item of items) {
    const head = /^(\d+)\. \*\*(.+?)\*\*/.exec(item);
    const cmd = /`npx equipotent run ([\w-]+)([^`]*)`/.exec(item);
    if (!head || !cmd) continue;
    const args = cmd[2]!;
    const sets: [string, unknown][] = [];
    for (const m of args.matchAll(/--set\s+(?:'([^']*)'|(\S+))/g)) {
      const arg = m[1] ?? m[2]!, eq = arg.indexOf('=');
      sets.push([arg.slice(0, eq), value(arg.slice(eq + 1))]);
    }
    const v = /--variant\s+(?:'([^']*)'|(\S+))/.exec(args);
    const variant = v?.[1] ?? v?.[2];
    const text = item.replace(/^(\d+)\. \*\*(.+?)\*\*/, '').replace(/`npx equipotent run[^`]*`/g, '').split(/\n## /)[0]!.replace(/\s+/g, ' ').trim();
    out.push({ n: Number(head[1]), title: head[2]!.replace(/\.$/, ''), scenario: cmd[1]!, sets, ...(variant ? { variant } : {}), text });
  }
  return out;
}
