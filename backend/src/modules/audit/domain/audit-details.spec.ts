import { randomUUID, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findPersonalData, looksPersonal } from './audit-details';

describe('looksPersonal: mobile numbers and e-mail addresses, never identifiers', () => {
  it.each<[string, boolean]>([
    // Real phone numbers, alone or in free text.
    ['13812345678', true],
    ['19912345678', true],
    ['+8613812345678', true],
    ['+86 13812345678', true],
    ['8613812345678', true],
    ['请联系 13812345678', true],
    ['电话13812345678，谢谢', true],
    ['tel:15012345678', true],
    ['(13812345678)', true],
    ['13812345678-转分机', true],
    ['me@example.com', true],
    // Not mobile numbers: too short, too long, wrong prefix, a landline.
    ['1381234567', false],
    ['138123456789', false],
    ['12812345678', false],
    ['10012345678', false],
    ['021-12345678', false],
    ['2025-03', false],
    ['12.30', false],
    // Identifiers whose digits hold 11 in a row starting 1[3-9].
    ['a13812345678b', false],
    ['9f0e13812345678cd2a1c0b4e8f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9', false],
    ['4d2c9a1e-7b3f-4c1d-9e2a-a13812345678', false],
    ['0c9b8a7e-1d2f-4a3b-8c4d-013812345678', false],
    ['91310115MA13812345678', false],
    ['R13812345678', false],
    ['沪转供-310112-2026-00001', false],
  ])('%s → %s', (text, expected) => {
    expect(looksPersonal(text)).toBe(expected);
  });

  it('takes no random UUID or SHA-256 hash for personal data (20,000 of each)', () => {
    const flagged: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const id = randomUUID();
      const hash = createHash('sha256').update(id).digest('hex');
      for (const v of [id, hash]) if (looksPersonal(v)) flagged.push(v);
    }
    expect(flagged).toEqual([]);
  });

  it('still finds a phone number among identifiers in details', () => {
    expect(
      findPersonalData({
        reportId: randomUUID(),
        evidenceHash: 'ab13812345678cd',
        note: '举报人手机 13912345678',
      }),
    ).toEqual(['details.note']);
  });
});
