/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015) and the organisation code it
 * embeds (GB 11714). Pure functions: the mini-program checks a code as the user types and the
 * backend checks every row of a batch with the same code, so both live here.
 */

/** The 31 characters GB 32100 allows, in value order (I, O, S, V, Z are left out). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'length' | 'charset' | 'check_char' | 'org_code_check_char';

export type UsccCheck = { ok: true } | { ok: false; problem: UsccProblem; message: string };

export const USCC_PROBLEM_MESSAGES: Readonly<Record<UsccProblem, string>> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（只允许数字和除 I、O、S、V、Z 外的大写字母）',
  check_char: '统一社会信用代码校验位错误',
  org_code_check_char: '统一社会信用代码中的组织机构代码（第9–17位）校验位错误',
};

function usccValue(char: string): number {
  return USCC_CHARSET.indexOf(char);
}

/** GB 11714 gives letters the values A = 10 … Z = 35. */
function orgCodeValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** The 18th character for the first 17 (which must be from USCC_CHARSET). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccValue(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organisation code for its first 8: 11 − (Σ mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(first8[i]) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

function fail(problem: UsccProblem): UsccCheck {
  return { ok: false, problem, message: USCC_PROBLEM_MESSAGES[problem] };
}

/** Checks a complete code: length, characters, the GB 32100 check and the GB 11714 check. */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== USCC_LENGTH) return fail('length');
  for (let i = 0; i < USCC_LENGTH; i++) if (usccValue(code[i]) < 0) return fail('charset');
  if (usccCheckChar(code) !== code[17]) return fail('check_char');
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return fail('org_code_check_char');
  return { ok: true };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

/**
 * For input in progress: true while what was typed can still become a valid code (allowed
 * characters, at most 18). Complete codes are judged by checkUscc.
 */
export function isUsccPrefix(typed: string): boolean {
  if (typed.length > USCC_LENGTH) return false;
  for (let i = 0; i < typed.length; i++) if (usccValue(typed[i]) < 0) return false;
  return true;
}
