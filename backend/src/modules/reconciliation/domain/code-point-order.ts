/**
 * Compares strings by Unicode code point, as the contract orders tenant_id and the sort keys.
 * JS `<` compares UTF-16 code units, which differs only when a surrogate pair (a code point
 * above U+FFFF) meets a character in U+E000–U+FFFF; that case is mapped back into order.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates (0xD800–0xDFFF) move above 0xFFFF's neighbours, U+E000–U+FFFF move down. */
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
