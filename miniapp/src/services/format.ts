// Amounts, kWh and prices arrive as decimal strings and are shown as given: these helpers only
// rearrange characters, they never turn a figure into a float.

/** `¥2012.58`; a negative amount keeps its sign in front: `-¥3.00`. */
export function yuan(amount: string): string {
  return amount.startsWith('-') ? `-¥${amount.slice(1)}` : `¥${amount}`;
}

/** True for a decimal string above zero ("0.01", "12"), false for "0.00", "-3.10". */
export function isPositive(decimal: string | null | undefined): boolean {
  if (!decimal) return false;
  return !decimal.startsWith('-') && /[1-9]/.test(decimal);
}

/** True for a decimal string below zero. */
export function isNegative(decimal: string | null | undefined): boolean {
  return !!decimal && decimal.startsWith('-') && /[1-9]/.test(decimal);
}

/** Drops the sign: "-3.10" → "3.10". */
export const withoutSign = (decimal: string): string => decimal.replace(/^[-+]/, '');

/** Trailing zeros of the fraction off: kWh "9400.000" → "9400", "3761.500" → "3761.5". */
export function trimZeros(decimal: string): string {
  if (!decimal.includes('.')) return decimal;
  return decimal.replace(/0+$/, '').replace(/\.$/, '');
}

/** "2025-03" → "2025年3月". */
export function periodLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return `${match[1]}年${Number(match[2])}月`;
}

/** "2025-03" → "3月" (chart axis). */
export function monthLabel(period: string): string {
  const match = /^\d{4}-(\d{2})$/.exec(period);
  return match ? `${Number(match[1])}月` : period;
}
