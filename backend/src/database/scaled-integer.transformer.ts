import type { ValueTransformer } from 'typeorm';

/**
 * Money and quantities are stored as exact scaled integers (fen, milli-kWh, 1e-5 元/kWh) in
 * BIGINT columns: SQLite's DECIMAL affinity would turn "12.34" into a float, BIGINT is exact on
 * both engines. mysql2 returns BIGINT as a string here, better-sqlite3 as a number (exact below
 * 2^53, i.e. 90 trillion 元), and the entity always sees a bigint.
 */
export const scaledInteger: ValueTransformer = {
  to: (v: bigint | null | undefined) => (v === null || v === undefined ? v : v.toString()),
  from: (v: string | number | bigint | null) => (v === null ? null : BigInt(v)),
};
