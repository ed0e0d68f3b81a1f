/*
 * What every benchmark script shares: its command-line options and how it prints figures.
 */

/** `--name N` from the command line, or the fallback when absent. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

/** `--name value` from the command line, or the fallback when absent. */
export function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

/** The nearest-rank percentile (p in 0..1) of the values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** Milliseconds for a table: one decimal below 10 ms, whole and grouped above. */
export function ms(v: number): string {
  return `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
}

/** A whole number grouped by thousands. */
export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
