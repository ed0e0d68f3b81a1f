import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One current declaration per tenant, account and month, held by the database under
 * concurrency: `current_mark` is a generated column, 1 for the current declaration and NULL
 * otherwise, and a unique index over (tenant_id, account_no, period, current_mark) refuses a
 * second current row (both engines let NULLs repeat in a unique index). Derived from
 * `is_current`, so no writer has to keep it. VIRTUAL, as for the case queue: MySQL, MariaDB,
 * TiDB and SQLite all index it and can add it with ALTER TABLE.
 *
 * Months that two racing declarations left with two current rows before this are settled
 * first: the newest stays current.
 */
export class OneCurrentDeclaration1764461600000 implements MigrationInterface {
  name = 'OneCurrentDeclaration1764461600000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; tenant_id: string; account_no: string; period: string }[] =
      await q.query(
        `SELECT id, tenant_id, account_no, period FROM tenant_declaration WHERE is_current = 1
         ORDER BY created_at DESC, id DESC`,
      );
    const seen = new Set<string>();
    for (const r of rows) {
      const month = `${r.tenant_id}|${r.account_no}|${r.period}`;
      if (!seen.has(month)) seen.add(month);
      else await q.query('UPDATE tenant_declaration SET is_current = 0 WHERE id = ?', [r.id]);
    }
    await q.query(
      `ALTER TABLE tenant_declaration ADD COLUMN current_mark INTEGER
       GENERATED ALWAYS AS (CASE WHEN is_current THEN 1 END) VIRTUAL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX ux_tenant_declaration_current
       ON tenant_declaration (tenant_id, account_no, period, current_mark)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const on = q.connection.driver.options.type === 'mysql' ? ' ON tenant_declaration' : '';
    await q.query(`DROP INDEX ux_tenant_declaration_current${on}`);
    await q.query('ALTER TABLE tenant_declaration DROP COLUMN current_mark');
  }
}
