import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

// Column shapes spelled out here, so this migration never changes when a shared helper does.
const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const int = (name: string, dflt?: number): TableColumnOptions => ({
  name,
  type: 'int',
  default: dflt,
});
const datetime = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable,
});

/** Users (staff, entity users, WeChat tenants) and their sessions. */
export class Auth1764460300000 implements MigrationInterface {
  name = 'Auth1764460300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id(),
          str('username', 64),
          str('display_name', 100),
          str('password_hash', 200, true),
          str('role', 20),
          str('district_code', 6, true),
          str('entity_id', 18, true),
          str('tenant_id', 18, true),
          str('wechat_openid', 64, true),
          int('failed_logins', 0),
          datetime('locked_until', true),
          datetime('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_app_user_username',
            columnNames: ['username'],
            isUnique: true,
          }),
          // Both engines allow many NULLs in a unique index: users without WeChat do not collide.
          new TableIndex({
            name: 'uq_app_user_wechat_openid',
            columnNames: ['wechat_openid'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_session',
        columns: [
          id(),
          str('token_hash', 64),
          int('user_id'),
          datetime('created_at'),
          datetime('expires_at'),
          datetime('revoked_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'uq_app_session_token_hash',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_app_session_user', columnNames: ['user_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('app_session');
    await q.dropTable('app_user');
  }
}
