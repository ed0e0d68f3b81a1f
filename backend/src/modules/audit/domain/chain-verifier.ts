import { entryHash, GENESIS_HASH, storedContent, type StoredAuditEntry } from './audit-chain';

export type ChainProblemKind = 'altered' | 'inserted' | 'deleted' | 'broken_link';

export interface ChainProblem {
  /** The entry concerned, by its number in the log (for a deletion: the number that is gone). */
  seq: number;
  kind: ChainProblemKind;
  message: string;
}

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; count: number; problems: ChainProblem[] };

/** The chain's head as recorded beside the log: what the last entry must be. */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** One entry reduced to what the checks need. */
interface Link {
  seq: number;
  hash: string;
  prevHash: string;
  /** The seq its content hashes to its hash under: its own, another if renumbered, or null. */
  attested: number | null;
  /** Entries are missing right before it. */
  afterGap: boolean;
}

/**
 * Checks a log entry by entry, in seq order, keeping only the last few entries: a log of
 * millions of entries streams through it.
 *
 * - altered: an entry's content no longer matches its hash, or it was rewritten with a fresh
 *   hash (the next entry's link then points elsewhere);
 * - deleted: a gap in seq, an entry removed and the rest renumbered, or the tail cut off
 *   (seen against the head);
 * - inserted: an entry the next one's link skips over, or one appended past the head;
 * - broken_link: entries out of order, or a link that matches nothing around it.
 *
 * Renumbered entries (seq shifted by an insertion or deletion) are recognised by hashing them
 * under a neighbouring seq, so one forged row is reported once, not as every row after it.
 */
export class ChainVerifier {
  private problems: ChainProblem[] = [];
  private readonly window: Link[] = [];
  private count = 0;
  private maxSeq = 0;
  /** stored seq − attested seq of the last entry that attested one. */
  private shift = 0;
  private headSeenAt: number | null = null;

  constructor(private readonly head?: ChainHead) {}

  add(entry: StoredAuditEntry): void {
    this.count++;
    const expectedSeq = this.maxSeq + 1;
    if (entry.seq <= this.maxSeq) {
      // Out of order: the gap it seemed to leave was no deletion.
      this.problems = this.problems.filter((p) => !(p.kind === 'deleted' && p.seq === entry.seq));
      this.report(
        entry.seq,
        'broken_link',
        `条目 ${entry.seq} 排在条目 ${this.maxSeq} 之后，顺序错乱`,
      );
    } else if (entry.seq > expectedSeq) this.reportGap(expectedSeq, entry.seq - 1);
    this.maxSeq = Math.max(this.maxSeq, entry.seq);
    const link: Link = {
      seq: entry.seq,
      hash: entry.hash,
      prevHash: entry.prevHash,
      attested: this.attest(entry),
      afterGap: entry.seq > expectedSeq,
    };
    if (link.attested === null)
      this.report(entry.seq, 'altered', `条目 ${entry.seq} 的内容与其哈希不符：内容被改动`);
    if (this.head && entry.hash === this.head.lastHash) this.headSeenAt = entry.seq;
    this.window.push(link);
    if (this.window.length >= 2) this.checkLink(this.window.length - 2, link);
    if (this.window.length > 4) this.window.shift();
  }

  finish(): ChainVerdict {
    if (this.window.length > 0) this.checkLink(this.window.length - 1, null);
    if (this.head) this.checkHead(this.head);
    if (this.problems.length === 0) return { ok: true, count: this.count };
    const problems = [...this.problems].sort((a, b) => a.seq - b.seq);
    return { ok: false, count: this.count, problems };
  }

  /**
   * The seq the entry's hash vouches for: its own, or another if entries before it were
   * inserted or deleted and the rest renumbered.
   */
  private attest(entry: StoredAuditEntry): number | null {
    const content = storedContent(entry);
    if (content === null) return null;
    // The entry it links to tells its original place, unless a forged one sits in between.
    const linked = this.window.find((w) => w.hash === entry.prevHash)?.attested;
    const candidates = new Set([
      ...(linked ? [linked + 1] : []),
      entry.seq - this.shift,
      entry.seq,
      entry.seq - this.shift - 1,
      entry.seq - this.shift + 1,
      entry.seq - 1,
      entry.seq + 1,
    ]);
    for (const seq of candidates) {
      if (seq < 1 || entryHash({ ...content, seq }) !== entry.hash) continue;
      this.shift = entry.seq - seq;
      return seq;
    }
    return null;
  }

  /** Judges the link of window[i] once the entry after it (`next`) is known. */
  private checkLink(i: number, next: Link | null): void {
    const x = this.window[i];
    const p = this.window[i - 1] ?? null;
    const pp = this.window[i - 2] ?? null;
    const expected = p ? p.hash : GENESIS_HASH;
    // Nothing to add when the link holds, a gap already explains it, or x itself was altered.
    if (x.prevHash === expected || x.afterGap || x.attested === null) return;
    const before = pp ? pp.hash : GENESIS_HASH;
    if (next && x.prevHash === next.hash)
      return this.report(x.seq, 'broken_link', `条目 ${x.seq} 与条目 ${next.seq} 的顺序被调换`);
    if (p && (p.prevHash === x.hash || (pp && pp.prevHash === p.hash))) return; // after a swap
    if (p && next && next.prevHash === p.hash) return this.reportInserted(x.seq);
    if (p && x.prevHash === before) return this.reportInserted(p.seq);
    const vouched = p ? p.attested : 0;
    if (vouched !== null && x.attested - vouched > 1) {
      const gone = span(vouched + 1, x.attested - 1);
      return this.report(vouched + 1, 'deleted', `原条目 ${gone} 被删除，其后的条目被重新编号`);
    }
    if (p === null)
      return this.report(x.seq, 'broken_link', `首个条目 ${x.seq} 的前序哈希不是链的起点`);
    if (p.attested !== null)
      this.report(
        p.seq,
        'altered',
        `条目 ${p.seq} 的哈希与条目 ${x.seq} 记录的前序哈希不符：条目 ${p.seq} 被改写并重算了哈希`,
      );
  }

  private checkHead(head: ChainHead): void {
    const last = this.window.at(-1);
    if (!last) {
      if (head.lastSeq > 0) this.reportGap(1, head.lastSeq, '日志为空，但链头记录');
      return;
    }
    if (last.hash === head.lastHash) return;
    if (this.headSeenAt !== null)
      return this.report(
        this.headSeenAt + 1,
        'inserted',
        `链头记录的最后条目是 ${head.lastSeq}，其后的条目 ${span(this.headSeenAt + 1, last.seq)} 未经记录追加`,
      );
    if (last.attested !== null && last.attested < head.lastSeq)
      return this.reportGap(last.attested + 1, head.lastSeq, '末尾');
    if (last.attested !== null)
      this.report(last.seq, 'altered', `最后的条目 ${last.seq} 与链头记录的哈希不符：被改写`);
  }

  private reportGap(from: number, to: number, where = ''): void {
    this.report(from, 'deleted', `${where}条目 ${span(from, to)} 缺失：被删除`);
  }

  /** An insertion explains an earlier finding about the same entry. */
  private reportInserted(seq: number): void {
    const i = this.problems.findIndex((p) => p.seq === seq && p.kind === 'altered');
    if (i >= 0) this.problems.splice(i, 1);
    this.report(seq, 'inserted', `条目 ${seq} 不在原链中：被插入（后续链接跳过了它）`);
  }

  private report(seq: number, kind: ChainProblemKind, message: string): void {
    if (this.problems.some((p) => p.seq === seq && p.kind === kind)) return;
    this.problems.push({ seq, kind, message });
  }
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

/** Verifies a whole log given in seq order, optionally against its recorded head. */
export function verifyChain(entries: Iterable<StoredAuditEntry>, head?: ChainHead): ChainVerdict {
  const verifier = new ChainVerifier(head);
  for (const entry of entries) verifier.add(entry);
  return verifier.finish();
}
