/**
 * Exact arithmetic on the API's decimal strings ("1.16370", "-0.5"), done on BigInt integers
 * of the smallest unit: money and prices never pass through a JS float.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(text: string): Scaled {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal number: "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

function rescale({ units, scale }: Scaled, to: number): bigint {
  return units * 10n ** BigInt(to - scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** a − b, exactly, with as many decimals as the longer of the two. */
export function subtractDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format(rescale(x, scale) - rescale(y, scale), scale);
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareDecimal(a: string, b: string): number {
  const difference = parse(subtractDecimal(a, b)).units;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * (to − from) / from in per cent, rounded half away from zero to `digits` decimals;
 * null when `from` is zero.
 */
export function percentChange(from: string, to: string, digits = 2): string | null {
  const base = parse(from);
  if (base.units === 0n) return null;
  const change = parse(subtractDecimal(to, from));
  const scale = Math.max(base.scale, change.scale);
  // change/base × 100 × 10^digits, as an integer rounded half away from zero.
  const numerator = rescale(change, scale) * 100n * 10n ** BigInt(digits);
  const denominator = rescale(base, scale);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (2n * d);
  return format(negative ? -rounded : rounded, digits);
}

/** "+0.04408" for a rise, "-0.01" for a fall, "0.00000" unchanged. */
export function signed(value: string): string {
  return parse(value).units > 0n ? `+${value}` : value;
}
