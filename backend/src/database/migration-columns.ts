import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column shapes for migrations that must run unchanged on SQLite and MySQL. Migrations use
 * these rather than entity metadata, so an entity change never rewrites a migration that ran.
 */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  /** A string primary key (uuid, 统一社会信用代码). */
  key: (name: string, length: number): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isPrimary: true,
  }),
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  char: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
    default: dflt,
  }),
  /** Exact scaled integers: fen, milli-kWh, 1e-5 元/kWh. */
  bigint: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
    name,
    type: 'bigint',
    isNullable: nullable,
    default: dflt,
  }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    isNullable: nullable,
  }),
};

/** JSON documents: MySQL's TEXT stops at 64 KB, so it gets LONGTEXT. */
export function jsonText(q: QueryRunner, name: string, nullable = false): TableColumnOptions {
  const mysql = q.connection.driver.options.type === 'mysql';
  return { name, type: mysql ? 'longtext' : 'text', isNullable: nullable };
}
