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

/** Mainland mobile numbers and e-mail addresses inside a value. */
const PERSONAL_VALUE = [/(^|\D)1[3-9]\d{9}(\D|$)/, /[^\s@]+@[^\s@]+\.[a-z]{2,}/i];

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Paths of details that look like personal data; empty when the details are ids only. */
export function findPersonalData(details: AuditValue, path = 'details'): string[] {
  if (typeof details === 'string')
    return PERSONAL_VALUE.some((pattern) => pattern.test(details)) ? [path] : [];
  if (details === null || typeof details !== 'object') return [];
  if (Array.isArray(details))
    return details.flatMap((value: AuditValue, i) => findPersonalData(value, `${path}[${i}]`));
  return Object.entries(details).flatMap(([key, value]) =>
    PERSONAL_KEY.test(snake(key))
      ? [`${path}.${key}`]
      : findPersonalData(value as AuditValue, `${path}.${key}`),
  );
}
