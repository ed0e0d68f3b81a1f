import { createHash } from 'node:crypto';

/*
 * The audit log as a hash chain. Each entry carries the hash of the one before it, and its own
 * hash covers its content and that link:
 *
 *   hash = SHA-256(prevHash + canonical(entry without hash))
 *
 * so an entry cannot be altered, removed, added or moved without breaking a hash or a link.
 * The verifier below also says which of those happened and where. Pure: hashing is the only
 * thing it borrows from node.
 */

export type AuditValue =
  string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };
export type AuditDetails = { readonly [key: string]: AuditValue };

/** What is hashed: everything but the hash. */
export interface AuditEntryContent {
  seq: number;
  /** ISO-8601 UTC in whole seconds, as both engines store and return it. */
  at: string;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: AuditDetails;
  prevHash: string;
}

/** An entry as stored: details are the JSON text of the row, read back verbatim. */
export interface StoredAuditEntry extends Omit<AuditEntryContent, 'details'> {
  detailsJson: string;
  hash: string;
}

/** The link of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted and no whitespace: the one text an entry's hash is over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`not JSON: ${typeof value}`);
}

export function entryHash(content: AuditEntryContent): string {
  return createHash('sha256')
    .update(content.prevHash + canonicalJson(content))
    .digest('hex');
}

/** The content of a stored entry, or null when its details are no longer JSON. */
export function storedContent(entry: StoredAuditEntry): AuditEntryContent | null {
  let details: unknown;
  try {
    details = JSON.parse(entry.detailsJson);
  } catch {
    return null;
  }
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return null;
  const { detailsJson: _json, hash: _hash, ...rest } = entry;
  return { ...rest, details: details as AuditDetails };
}

/** What a caller hands the log; the log adds seq, the link and the hash. */
export interface AuditEntryInput {
  actorUserId: number | null;
  /** A role, or `system` for automated steps. */
  actorRole: string;
  /** `area.verb`, e.g. `case.open_case`, `report.read_reporter_identity`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Identifiers, codes and amounts only: never names, phone numbers or free text. */
  details?: AuditDetails;
  /** When it happened; the log keeps whole seconds. Defaults to the time of appending. */
  at?: Date;
}

/** Column limits, the same on both engines (SQLite would not enforce them itself). */
export const AUDIT_FIELD_LENGTHS = {
  actorRole: 20,
  action: 64,
  subjectType: 32,
  subjectId: 64,
} as const;

export const wholeSecondsIso = (date: Date): string =>
  new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
