import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A real-name reporter's name and phone on its report, each an AES-256-GCM envelope
 * (`v1:<keyId>:<iv>:<tag>:<ciphertext>`): 30 characters of name make about 180 characters.
 */
export class ReporterContact1764460900000 implements MigrationInterface {
  name = 'ReporterContact1764460900000';

  async up(q: QueryRunner): Promise<void> {
    for (const name of ['reporter_name', 'reporter_phone'])
      await q.addColumn(
        'case_report',
        new TableColumn({ name, type: 'varchar', length: '400', isNullable: true }),
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('case_report', 'reporter_phone');
    await q.dropColumn('case_report', 'reporter_name');
  }
}
