import type { AuditValue } from './audit-chain';

/*
 * The audit log keeps identifiers, codes and amounts, never personal data: it is kept for
 * years, append-only, and cannot be corrected, so a name or phone number written into it could
 * never be removed. Reading a reporter's identity is logged as "who read whose (by id)", not
 * what was read. This guard refuses the obvious slips; it is a net, not a proof.
 */

/** Key words (in snake_case or camelCase) that name personal data. */
const PERSONAL_KEY =
  /(^|_)(name|names|username|phone|mobile|tel|telephone|email|address|addr|contact|idcard|id_card|openid|wechat|password|token|secret)(_|$)/;

/** E-mail addresses inside a value. */
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

/** A mainland mobile number, on its own or after the country code. */
const MOBILE = /^(?:86)?1[3-9]\d{9}$/;

/**
 * Whether a value holds a mainland mobile number or an e-mail address. A number counts only as a
 * word of its own: digits run together with letters are part of an identifier (a hex hash, a
 * UUID, a credit code), never a phone number, however many digits they hold. Words are runs of
 * letters and digits; a hyphen joins the parts of one identifier, and each part is looked at.
 */
export function looksPersonal(text: string): boolean {
  if (EMAIL.test(text)) return true;
  for (const word of text.match(/[0-9A-Za-z-]+/g) ?? [])
    for (const part of word.split('-')) if (MOBILE.test(part)) return true;
  return false;
}

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Paths of details that look like personal data; empty when the details are ids only. */
export function findPersonalData(details: AuditValue, path = 'details'): string[] {
  if (typeof details === 'string') return looksPersonal(details) ? [path] : [];
  if (details === null || typeof details !== 'object') return [];
  if (Array.isArray(details))
    return details.flatMap((value: AuditValue, i) => findPersonalData(value, `${path}[${i}]`));
  return Object.entries(details).flatMap(([key, value]) =>
    PERSONAL_KEY.test(snake(key))
      ? [`${path}.${key}`]
      : findPersonalData(value as AuditValue, `${path}.${key}`),
  );
}
