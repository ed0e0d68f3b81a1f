/*
 * The API's amounts of 元 are decimal strings with two places ("15274.91"). Sums are done in
 * BigInt fen, never in floats; numbers are used only to size chart bars.
 */

const YUAN = /^(-?)(\d+)\.(\d{2})$/;

function toFen(text: string): bigint {
  const match = YUAN.exec(text);
  if (!match) throw new RangeError(`not an amount of 元: "${text}"`);
  const fen = BigInt(`${match[2]}${match[3]}`);
  return match[1] ? -fen : fen;
}

function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Σ of amounts, exactly. */
export function sumYuan(values: readonly string[]): string {
  return fromFen(values.reduce((sum, v) => sum + toFen(v), 0n));
}

/** "15,274.91": thousands grouped, both decimals kept. */
export function formatYuan(text: string): string {
  const [whole, fraction] = text.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}
