/**
 * Exact arithmetic for the reconciliation contract.
 *
 * Quantities are BigInt scaled integers: kWh × 10³ (milli-kWh), 元/kWh × 10⁵ and 元 × 10²
 * (fen). Every product or quotient the contract needs is a fraction of such integers, so it is
 * exact by construction; it is rounded once, by `roundHalfAwayFromZero`. We use BigInt rather
 * than decimal.js because a decimal library is only as exact as the precision it is configured
 * with (its default 20 digits rounds some half-fen cases the wrong way), and because plain
 * BigInt arithmetic is fast enough for the 1,000,000-line benchmark without any allocation-heavy
 * decimal objects.
 */

/** 元 × 100. */
export type Fen = bigint;
/** kWh × 1000. */
export type KwhMilli = bigint;
/** 元/kWh × 100000. */
export type PriceE5 = bigint;

export const AMOUNT_SCALE = 2;
/** 0.01 元: the contract's threshold for a finding or a refund. */
export const ONE_FEN: Fen = 1n;
export const KWH_SCALE = 3;
export const PRICE_SCALE = 5;

const POW10: readonly bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

export function pow10(exponent: number): bigint {
  return POW10[exponent] ?? 10n ** BigInt(exponent);
}

/** Why a text is not a decimal of the wanted scale. */
export type DecimalProblem = 'syntax' | 'places';

/** Doubles hold integers exactly up to 2^53; 15 digits stay below that. */
const SAFE_DIGITS = 15;
const SMALL_POW10 = [
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15,
];

/**
 * Parses `-?digits(.digits)?` with at most `scale` decimal places into an integer scaled by
 * 10^scale. Returns a DecimalProblem instead of throwing, so a batch can collect every error.
 */
export function parseScaled(text: string, scale: number): bigint | DecimalProblem {
  return parseScaledRange(text, 0, text.length, scale);
}

/**
 * parseScaled of `text[from, to)`, read in place so a CSV field needs no substring. Short
 * numbers (the usual case) are accumulated in a double, which is exact below 2^53.
 */
export function parseScaledRange(
  text: string,
  from: number,
  to: number,
  scale: number,
): bigint | DecimalProblem {
  const negative = to > from && text.charCodeAt(from) === 45;
  let intDigits = 0;
  let fracDigits = 0;
  let seenDot = false;
  let accumulated = 0;
  for (let i = negative ? from + 1 : from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !seenDot) {
      seenDot = true;
    } else if (c >= 48 && c <= 57) {
      if (seenDot) fracDigits++;
      else intDigits++;
      accumulated = accumulated * 10 + (c - 48);
    } else {
      return 'syntax';
    }
  }
  if (intDigits === 0 || (seenDot && fracDigits === 0)) return 'syntax';
  if (fracDigits > scale) return 'places';
  // One BigInt per value: scale in the double while the result stays below 2^53.
  const padding = scale - fracDigits;
  if (intDigits + fracDigits + padding <= SAFE_DIGITS) {
    const scaled = accumulated * SMALL_POW10[padding];
    return BigInt(negative ? -scaled : scaled);
  }
  const digits = BigInt(text.slice(negative ? from + 1 : from, to).replace('.', ''));
  const scaled = digits * pow10(padding);
  return negative ? -scaled : scaled;
}

/** parseScaled for input already validated: throws on a malformed number. */
export function parseScaledOrThrow(text: string, scale: number): bigint {
  const parsed = parseScaled(text, scale);
  if (typeof parsed === 'string')
    throw new RangeError(`not a decimal with ≤ ${scale} places: ${text}`);
  return parsed;
}

/**
 * The contract's only rounding rule, half away from zero (−0.5 → −1), applied to the exact
 * fraction numerator/denominator. round2 is this with the fraction expressed in fen; the
 * 4-place average of FIXED_PRICE is this in units of 0.0001 元/kWh.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** round2 of an exact amount given as a fraction of fen. */
export function round2(numeratorFen: bigint, denominator: bigint): Fen {
  return roundHalfAwayFromZero(numeratorFen, denominator);
}

const KWH_PRICE_TO_FEN = pow10(KWH_SCALE + PRICE_SCALE - AMOUNT_SCALE);

/** round2(kwh × price). */
export function kwhTimesPrice(kwh: KwhMilli, price: PriceE5): Fen {
  return round2(kwh * price, KWH_PRICE_TO_FEN);
}

/**
 * round2(kwh × avg) with avg = G / K, computed as kwh × G ÷ K: with kWh in milli-kWh and G in
 * fen the scales cancel (kwh/10³ × (G/10²)/(K/10³) 元 = kwh × G / K fen).
 */
export function kwhTimesAverage(kwh: KwhMilli, gridTotal: Fen, gridKwh: KwhMilli): Fen {
  return round2(kwh * gridTotal, gridKwh);
}

/** unit_price > avg, compared exactly as unit_price × K > G (scales: 10⁵ × 10³ vs 10² → 10⁶). */
export function priceAboveAverage(price: PriceE5, gridTotal: Fen, gridKwh: KwhMilli): boolean {
  return price * gridKwh > gridTotal * KWH_PRICE_TO_FEN;
}

/** avg rounded half away from zero to 4 places, as 元/kWh × 10⁴. */
export function averageRoundedTo4(gridTotal: Fen, gridKwh: KwhMilli): bigint {
  return roundHalfAwayFromZero(gridTotal * 100_000n, gridKwh);
}

/** A non-negative decimal fraction such as a loss cap, kept exact: value / 10^scale. */
export interface ExactFraction {
  readonly value: bigint;
  readonly scale: number;
}

/** Parses a fraction like `0.10`; at most 9 places, negatives refused. */
export function parseFraction(text: string): ExactFraction | null {
  const parsed = parseScaled(text, 9);
  if (typeof parsed === 'string' || parsed < 0n) return null;
  return { value: parsed, scale: 9 };
}

/** round2(fraction × amount). */
export function fractionOf(fraction: ExactFraction, amount: Fen): Fen {
  return round2(fraction.value * amount, pow10(fraction.scale));
}

/** Formats a scaled integer with exactly `scale` decimals; zero never carries a minus sign. */
export function formatScaled(value: bigint, scale: number): string {
  if (value >= -9_007_199_254_740_991n && value <= 9_007_199_254_740_991n && scale <= 6) {
    return formatSmall(Number(value), scale);
  }
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const body = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${body}` : body;
}

/** The fast path of formatScaled: integers below 2^53 are exact in a double. */
function formatSmall(value: number, scale: number): string {
  const negative = value < 0;
  const magnitude = negative ? -value : value;
  if (scale === 0) return negative ? `-${magnitude}` : `${magnitude}`;
  const unit = SMALL_POW10[scale];
  // % and an exact division are exact on integral doubles; Math.floor(m / u) might not be.
  const remainder = magnitude % unit;
  const whole = (magnitude - remainder) / unit;
  return `${negative ? '-' : ''}${whole}.${String(remainder).padStart(scale, '0')}`;
}

/** An amount in fen as 元 with exactly two decimals, e.g. "-0.01", "0.00", "1237.83". */
export function formatFen(fen: Fen): string {
  return formatScaled(fen, AMOUNT_SCALE);
}

/** A scaled integer without trailing zeros: 5000.000 → "5000", 12.500 → "12.5". */
export function formatTrimmed(value: bigint, scale: number): string {
  const text = formatScaled(value, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/, '');
}

export function formatKwh(kwh: KwhMilli): string {
  return formatScaled(kwh, KWH_SCALE);
}

export function formatPrice(price: PriceE5): string {
  return formatScaled(price, PRICE_SCALE);
}

/** A fraction numerator/denominator in lowest terms, denominator positive. */
export function reduceFraction(numerator: bigint, denominator: bigint): [bigint, bigint] {
  let a = numerator < 0n ? -numerator : numerator;
  let b = denominator;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? [0n, 1n] : [numerator / a, denominator / a];
}

/** numerator / denominator rounded half away from zero to `places` decimals, for display. */
export function formatFraction(numerator: bigint, denominator: bigint, places: number): string {
  return formatScaled(roundHalfAwayFromZero(numerator * pow10(places), denominator), places);
}
