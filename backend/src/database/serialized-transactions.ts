import type { DataSource } from 'typeorm';

/**
 * TypeORM runs every SQLite transaction of a DataSource on its one connection and cannot run
 * two at once (a second BEGIN fails, or nests as a savepoint of the first). On SQLite, this
 * makes `DataSource.transaction` calls take turns, as SQLite's single writer would make them
 * anyway; on MySQL each transaction has its own connection and nothing changes.
 *
 * A transaction must not start another one and wait for it: on SQLite that waits forever.
 */
export function serializeTransactions(ds: DataSource): DataSource {
  if (ds.options.type === 'mysql') return ds;
  const run = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  let turn: Promise<unknown> = Promise.resolve();
  (ds as { transaction: unknown }).transaction = (...args: unknown[]) => {
    const result = turn.then(() => run(...args));
    turn = result.catch(() => undefined);
    return result;
  };
  return ds;
}
