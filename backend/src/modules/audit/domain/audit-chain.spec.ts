import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  type AuditDetails,
  type AuditEntryContent,
  type StoredAuditEntry,
} from './audit-chain';
import { findPersonalData } from './audit-details';
import { verifyChain, type ChainHead, type ChainProblemKind } from './chain-verifier';

/** A valid chain of n entries, as the service would store it. */
function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditEntryContent = {
      seq,
      at: new Date(Date.UTC(2025, 6, 1, 2, 0, seq)).toISOString(),
      actorUserId: seq % 3 === 0 ? null : 10 + seq,
      actorRole: seq % 3 === 0 ? 'system' : 'district_officer',
      action: 'case.assign',
      subjectType: 'case',
      subjectId: `C-${seq}`,
      details: { assigneeUserId: seq, amount: `${seq}.00`, periods: ['2025-03'] },
      prevHash,
    };
    const hash = entryHash(content);
    const { details, ...rest } = content;
    entries.push({ ...rest, detailsJson: canonicalJson(details), hash });
    prevHash = hash;
  }
  return entries;
}

const headOf = (entries: StoredAuditEntry[]): ChainHead => ({
  lastSeq: entries.at(-1)?.seq ?? 0,
  lastHash: entries.at(-1)?.hash ?? GENESIS_HASH,
});

/** Re-hashes an entry after its content was changed, as a forger who knows the scheme would. */
function rehash(entry: StoredAuditEntry): StoredAuditEntry {
  const { detailsJson, hash: _hash, ...rest } = entry;
  return { ...entry, hash: entryHash({ ...rest, details: JSON.parse(detailsJson) }) };
}

function forged(seq: number, prevHash: string): StoredAuditEntry {
  return rehash({
    seq,
    at: '2025-07-01T02:00:00.000Z',
    actorUserId: 99,
    actorRole: 'city_admin',
    action: 'case.close',
    subjectType: 'case',
    subjectId: 'C-FORGED',
    detailsJson: '{}',
    prevHash,
    hash: '',
  });
}

const renumber = (entries: StoredAuditEntry[], by: number) =>
  entries.map((e) => ({ ...e, seq: e.seq + by }));

describe('canonical JSON and the entry hash', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });

  it('is SHA-256 of the previous hash followed by the canonical entry', () => {
    const content: AuditEntryContent = {
      seq: 1,
      at: '2025-07-01T02:00:00.000Z',
      actorUserId: 1,
      actorRole: 'city_admin',
      action: 'audit.test',
      subjectType: 'case',
      subjectId: 'C-1',
      details: {},
      prevHash: GENESIS_HASH,
    };
    const text =
      GENESIS_HASH +
      '{"action":"audit.test","actorRole":"city_admin","actorUserId":1,"at":"2025-07-01T02:00:00.000Z",' +
      `"details":{},"prevHash":"${GENESIS_HASH}","seq":1,"subjectId":"C-1","subjectType":"case"}`;
    expect(entryHash(content)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(entryHash({ ...content, details: { a: 1 } })).not.toBe(entryHash(content));
  });
});

describe('verifyChain', () => {
  const log = chain(10);

  it.each([
    { what: 'an empty log', entries: [] as StoredAuditEntry[] },
    { what: 'one entry', entries: chain(1) },
    { what: 'ten entries', entries: log },
  ])('accepts $what', ({ entries }) => {
    expect(verifyChain(entries, headOf(entries))).toEqual({ ok: true, count: entries.length });
    expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length });
  });

  /** Each tampering, and the one finding it must produce (and nothing else). */
  const TAMPERING: Array<{
    what: string;
    tamper: (e: StoredAuditEntry[]) => StoredAuditEntry[];
    found: Array<[number, ChainProblemKind]>;
  }> = [
    {
      what: 'details of an entry changed',
      tamper: (e) =>
        e.map((x) => (x.seq === 4 ? { ...x, detailsJson: '{"assigneeUserId":666}' } : x)),
      found: [[4, 'altered']],
    },
    {
      what: 'the actor of an entry changed',
      tamper: (e) => e.map((x) => (x.seq === 7 ? { ...x, actorUserId: 1 } : x)),
      found: [[7, 'altered']],
    },
    {
      what: 'details no longer JSON',
      tamper: (e) => e.map((x) => (x.seq === 2 ? { ...x, detailsJson: '{"a":' } : x)),
      found: [[2, 'altered']],
    },
    {
      what: 'an entry changed and re-hashed',
      tamper: (e) => e.map((x) => (x.seq === 5 ? rehash({ ...x, subjectId: 'C-OTHER' }) : x)),
      found: [[5, 'altered']],
    },
    {
      what: 'the last entry changed and re-hashed',
      tamper: (e) => e.map((x) => (x.seq === 10 ? rehash({ ...x, subjectId: 'C-OTHER' }) : x)),
      found: [[10, 'altered']],
    },
    {
      what: 'a middle entry deleted',
      tamper: (e) => e.filter((x) => x.seq !== 6),
      found: [[6, 'deleted']],
    },
    {
      what: 'three entries deleted',
      tamper: (e) => e.filter((x) => x.seq < 3 || x.seq > 5),
      found: [[3, 'deleted']],
    },
    {
      what: 'the first entry deleted',
      tamper: (e) => e.slice(1),
      found: [[1, 'deleted']],
    },
    {
      what: 'the last entry deleted',
      tamper: (e) => e.slice(0, -1),
      found: [[10, 'deleted']],
    },
    {
      what: 'every entry deleted',
      tamper: () => [],
      found: [[1, 'deleted']],
    },
    {
      what: 'an entry deleted and the rest renumbered',
      tamper: (e) => [...e.slice(0, 5), ...renumber(e.slice(6), -1)],
      found: [[6, 'deleted']],
    },
    {
      what: 'the first entry deleted and the rest renumbered',
      tamper: (e) => renumber(e.slice(1), -1),
      found: [[1, 'deleted']],
    },
    {
      what: 'a forged entry inserted in the middle, the rest shifted',
      tamper: (e) => [...e.slice(0, 4), forged(5, e[3].hash), ...renumber(e.slice(4), 1)],
      found: [[5, 'inserted']],
    },
    {
      what: 'a forged entry with a wrong hash inserted, the rest shifted',
      tamper: (e) => [
        ...e.slice(0, 4),
        { ...forged(5, e[3].hash), hash: 'f'.repeat(64) },
        ...renumber(e.slice(4), 1),
      ],
      found: [[5, 'inserted']],
    },
    {
      what: 'a forged entry with a made-up link inserted, the rest shifted',
      tamper: (e) => [...e.slice(0, 4), forged(5, 'a'.repeat(64)), ...renumber(e.slice(4), 1)],
      found: [[5, 'inserted']],
    },
    {
      what: 'two forged entries inserted at different places, the rest shifted',
      tamper: (e) => [
        ...e.slice(0, 2),
        forged(3, e[1].hash),
        ...renumber(e.slice(2, 5), 1),
        forged(7, e[4].hash),
        ...renumber(e.slice(5), 2),
      ],
      found: [
        [3, 'inserted'],
        [7, 'inserted'],
      ],
    },
    {
      what: 'a forged entry inserted first, the rest shifted',
      tamper: (e) => [forged(1, GENESIS_HASH), ...renumber(e, 1)],
      found: [[1, 'inserted']],
    },
    {
      what: 'an entry replaced by a forged one that links to its predecessor',
      tamper: (e) => e.map((x) => (x.seq === 3 ? forged(3, e[1].hash) : x)),
      found: [[3, 'altered']],
    },
    {
      what: 'an entry appended past the head',
      tamper: (e) => [...e, forged(11, e[9].hash)],
      found: [[11, 'inserted']],
    },
    {
      what: 'two neighbours swapped (their seq exchanged)',
      tamper: (e) => [...e.slice(0, 4), { ...e[5], seq: 5 }, { ...e[4], seq: 6 }, ...e.slice(6)],
      found: [[5, 'broken_link']],
    },
    {
      what: 'entries handed over out of order',
      tamper: (e) => [...e.slice(0, 4), e[5], e[4], ...e.slice(6)],
      found: [[5, 'broken_link']],
    },
  ];

  it.each(TAMPERING)('finds $what', ({ tamper, found }) => {
    const verdict = verifyChain(tamper(log.map((e) => ({ ...e }))), headOf(log));
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problems.map((p) => [p.seq, p.kind])).toEqual(found);
    for (const p of verdict.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('still finds a middle tampering without the head', () => {
    const tampered = log.filter((x) => x.seq !== 6);
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      problems: [{ seq: 6, kind: 'deleted' }],
    });
  });

  it('reports each of several tamperings in one pass', () => {
    const tampered = log
      .filter((x) => x.seq !== 3)
      .map((x) => (x.seq === 8 ? { ...x, detailsJson: '{}' } : x));
    const verdict = verifyChain(tampered, headOf(log));
    expect(verdict.ok || verdict.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'deleted'],
      [8, 'altered'],
    ]);
  });

  it('streams: a long log verifies without being held whole', () => {
    const long = chain(5000);
    function* stream() {
      yield* long;
    }
    expect(verifyChain(stream(), headOf(long))).toEqual({ ok: true, count: 5000 });
  });
});

describe('personal data in details', () => {
  it.each<{ details: AuditDetails; found: string[] }>([
    { details: { caseId: 'C-1', tenantId: '91310115MA1H000001', amount: '12.30' }, found: [] },
    { details: { periods: ['2025-03'], reportId: 'R-1', count: 3 }, found: [] },
    { details: { reporterName: '张三' }, found: ['details.reporterName'] },
    { details: { display_name: 'x' }, found: ['details.display_name'] },
    { details: { phone: '021-12345678' }, found: ['details.phone'] },
    { details: { note: '请联系 13812345678' }, found: ['details.note'] },
    { details: { nested: { contactEmail: 'a' } }, found: ['details.nested.contactEmail'] },
    { details: { list: ['ok', 'me@example.com'] }, found: ['details.list[1]'] },
    { details: { wechatOpenid: 'o123' }, found: ['details.wechatOpenid'] },
  ])('$details → $found', ({ details, found }) => {
    expect(findPersonalData(details)).toEqual(found);
  });
});
