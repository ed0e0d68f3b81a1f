/*
 * Proving a tenancy: the user types the kWh of the premises' latest month as the entity billed
 * it, and it must equal, to the thousandth of a kWh, the energy the entity reported for that
 * firm. Failed proofs are limited per user and day, so the figure cannot be guessed.
 */

/** A tenant charge line as the proof reads it. */
export interface ChargeLineForProof {
  tenantId: string;
  item: string;
  kwhMilli: bigint | null;
}

/**
 * The energy kWh (× 1000) the entity billed the firm on one sheet: the sum of its energy lines
 * (a time-of-use tenant has one per period). Null when the firm has no energy line there.
 */
export function billedEnergyMilli(
  lines: readonly ChargeLineForProof[],
  tenantId: string,
): bigint | null {
  let total: bigint | null = null;
  for (const line of lines) {
    if (line.tenantId !== tenantId || line.item !== 'energy' || line.kwhMilli === null) continue;
    total = (total ?? 0n) + line.kwhMilli;
  }
  return total;
}

export type ProofVerdict =
  | { ok: true }
  | { ok: false; reason: 'locked' }
  | { ok: false; reason: 'mismatch'; attemptsLeft: number };

/**
 * Judges one attempt. `failuresToday` counts the user's failed proofs before this one; once it
 * reaches `dailyLimit` nothing is compared any more, so a correct figure cannot be confirmed
 * by trying on.
 */
export function judgeProof(input: {
  billedMilli: bigint | null;
  typedMilli: bigint;
  failuresToday: number;
  dailyLimit: number;
}): ProofVerdict {
  if (input.failuresToday >= input.dailyLimit) return { ok: false, reason: 'locked' };
  if (input.billedMilli !== null && input.billedMilli === input.typedMilli) return { ok: true };
  return {
    ok: false,
    reason: 'mismatch',
    attemptsLeft: Math.max(0, input.dailyLimit - input.failuresToday - 1),
  };
}
