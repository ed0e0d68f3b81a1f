import { describe, expect, it } from 'vitest';
import { checkUscc, isUsccPrefix, isValidUscc, orgCodeCheckChar, usccCheckChar } from './uscc';
import { isShanghaiDistrictCode, shanghaiDistrictName, SHANGHAI_DISTRICTS } from './districts';

// IDs from shared/fixtures/reconciliation, checked by hand against both check formulas.
const FIXTURE_IDS = [
  '913101154JURQ2830U',
  '91310112YUYU122BX0',
  '913101177JH4BXKF5F',
  '91310104JM5DLCRP3K',
  '913101077L4UXGCP73',
];

describe('checkUscc', () => {
  it.each(FIXTURE_IDS)('accepts the fixture id %s', (id) => {
    expect(checkUscc(id)).toEqual({ ok: true });
  });

  it('computes the GB 32100 check character: 31 − (Σ value × weight mod 31)', () => {
    // 913101154JURQ2830: Σ = 2205, 2205 mod 31 = 4, 31 − 4 = 27 → 'U' (value 27).
    expect(usccCheckChar('913101154JURQ2830')).toBe('U');
  });

  it('maps a check value of 31 to 0', () => {
    // 17 zeros: Σ = 0, 31 − 0 = 31 → '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('computes the GB 11714 check character, 10 → X and 11 → 0', () => {
    // 4JURQ283: 4·3 + 19·7 + 30·9 + 27·10 + 26·5 + 2·8 + 8·4 + 3·2 = 869, 869 mod 11 = 0 → 11 → '0'.
    expect(orgCodeCheckChar('4JURQ283')).toBe('0');
    // 00000001: Σ = 2, 11 − 2 = 9.
    expect(orgCodeCheckChar('00000001')).toBe('9');
    // 00001000: Σ = 1·5 = 5 → 6.
    expect(orgCodeCheckChar('00001000')).toBe('6');
    // 10000004: Σ = 1·3 + 4·2 = 11, 11 mod 11 = 0 → 11 → '0'.
    expect(orgCodeCheckChar('10000004')).toBe('0');
    // 00000014: Σ = 1·4 + 4·2 = 12, 12 mod 11 = 1 → 10 → 'X'.
    expect(orgCodeCheckChar('00000014')).toBe('X');
  });

  it('rejects a wrong length', () => {
    expect(checkUscc('913101154JURQ2830')).toMatchObject({ ok: false, problem: 'length' });
    expect(checkUscc('')).toMatchObject({ ok: false, problem: 'length' });
  });

  it.each(['913101154JURQ283OU', '913101154jURQ2830U', '913101154JURQ2830 '])(
    'rejects characters outside the GB 32100 set in %j',
    (id) => {
      expect(checkUscc(id)).toMatchObject({ ok: false, problem: 'charset' });
    },
  );

  it('rejects a wrong check character with the message users see', () => {
    expect(checkUscc('913101154JURQ2830T')).toEqual({
      ok: false,
      problem: 'check_char',
      message: '统一社会信用代码校验位错误',
    });
  });

  it('rejects a code whose embedded organisation code fails GB 11714', () => {
    // Organisation code 4JURQ2831 is wrong (should end in 0); fix the USCC check char so only
    // the GB 11714 check fails.
    const first17 = '913101154JURQ2831';
    const id = first17 + usccCheckChar(first17);
    expect(checkUscc(id)).toMatchObject({ ok: false, problem: 'org_code_check_char' });
    expect(isValidUscc(id)).toBe(false);
  });
});

describe('isUsccPrefix', () => {
  it('accepts partial input made of allowed characters', () => {
    expect(isUsccPrefix('')).toBe(true);
    expect(isUsccPrefix('913101')).toBe(true);
  });

  it('rejects a forbidden letter or too many characters', () => {
    expect(isUsccPrefix('91310I')).toBe(false);
    expect(isUsccPrefix('913101154JURQ2830UX')).toBe(false);
  });
});

describe('Shanghai districts', () => {
  it('lists the 16 GB/T 2260 districts', () => {
    expect(SHANGHAI_DISTRICTS).toHaveLength(16);
    expect(shanghaiDistrictName('310115')).toBe('浦东新区');
    expect(isShanghaiDistrictCode('310151')).toBe(true);
  });

  it('rejects codes that are not a current Shanghai district', () => {
    // 310108 (former 闸北, merged into 静安 in 2015) and 310230 (former 崇明县).
    expect(isShanghaiDistrictCode('310108')).toBe(false);
    expect(isShanghaiDistrictCode('310230')).toBe(false);
    expect(shanghaiDistrictName('110101')).toBeUndefined();
  });
});
