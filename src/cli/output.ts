// Printing for the CLI: JSON for machines (--json), aligned text for people.

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  /** Right-align (numbers). */
  right?: boolean;
  /** Truncate to this many characters. */
  max?: number;
}

function fit(text: string, max?: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return max && flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function printTable<T>(rows: T[], columns: Column<T>[]): void {
  const cells = rows.map((row) => columns.map((c) => fit(String(c.value(row)), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values.map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`${line(columns.map((c) => c.header))}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}

/** The evidence sentence of a statement, indented under what it supports. */
export function quote(sentence: string, indent = '    '): string {
  return `${indent}“${sentence.replace(/\s+/g, ' ').trim()}”`;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
