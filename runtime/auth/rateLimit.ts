/**
 * Progressive sign-in delays, kept in the database so they hold across several app instances.
 *
 * Three keys per attempt: the account (failures from anywhere), the address (failures against any
 * account) and the pair account@address. Under each key a number of failures is free; after that
 * every failure blocks the key for a delay that doubles, up to a cap. A hard lockout is gone: a
 * stranger failing five times from elsewhere only delays the pair they used, and the account only
 * after many failures (from several addresses, or over a long time), and then for minutes.
 *
 * Check and record are atomic: `settleSignIn` runs in the sign-in's write transaction, locks the
 * three rows (an upsert writes each, sorted, so concurrent transactions queue on them), refuses
 * when a key is still blocked, and only then records the outcome. A batch or a burst of parallel
 * requests therefore gets its free failures and no more. `signInWait` is a read before the
 * (slow) password check, so a blocked attempt costs no hashing.
 */
import "server-only";
import type { Db, Tx } from "../db";

interface KeyRule {
  /** Failures under the key before any delay. */
  free: number;
  /** The first delay; each further failure doubles it. */
  baseMs: number;
  capMs: number;
}

export const SIGN_IN_RULES = {
  pair: { free: 5, baseMs: 30_000, capMs: 15 * 60_000 },
  account: { free: 10, baseMs: 30_000, capMs: 15 * 60_000 },
  address: { free: 20, baseMs: 30_000, capMs: 60 * 60_000 },
} satisfies Record<string, KeyRule>;
type KeyKind = keyof typeof SIGN_IN_RULES;

/** A key with no failure for this long starts again from zero (and its row may be removed). */
export const FORGET_AFTER_MS = 60 * 60_000;

export interface AttemptSource {
  username: string;
  ip: string;
}

function keysOf({ username, ip }: AttemptSource): { key: string; kind: KeyKind }[] {
  const name = username.trim().toLowerCase();
  return [
    { key: `account:${name}`, kind: "account" as const },
    { key: `address:${ip}`, kind: "address" as const },
    { key: `pair:${name}@${ip}`, kind: "pair" as const },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** How long a key is blocked after its `failures`-th failure (0: not blocked). */
export function delayAfter(rule: KeyRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free));
}

/** The wait in ms before an attempt from this source is checked (0: go ahead). A read: no lock. */
export async function signInWait(db: Db | Tx, source: AttemptSource, now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keysOf(source).map((k) => k.key) } } });
  return Math.max(0, ...rows.map((row) => (row.blockedUntil ? row.blockedUntil.getTime() - now.getTime() : 0)));
}

export type SettledAttempt = { admitted: true } | { admitted: false; waitMs: number };

/**
 * In the sign-in's write transaction: locks the source's keys, refuses when one is still blocked
 * (nothing is counted), else records the outcome — a failure counts under every key and may block
 * it; a success clears the account and the pair (the address keeps what others did from it).
 */
export async function settleSignIn(tx: Tx, source: AttemptSource, success: boolean, now = new Date()): Promise<SettledAttempt> {
  const keys = keysOf(source);
  const rows = [];
  for (const { key, kind } of keys) {
    // The write takes the row's lock until commit; its answer is the row as last committed.
    const row = await tx.signInThrottle.upsert({ where: { key }, create: { key, updatedAt: now }, update: { updatedAt: now } });
    rows.push({ row, kind });
  }
  const waitMs = Math.max(0, ...rows.map(({ row }) => (row.blockedUntil ? row.blockedUntil.getTime() - now.getTime() : 0)));
  if (waitMs > 0) return { admitted: false, waitMs };
  for (const { row, kind } of rows) {
    const forgotten = !row.lastFailureAt || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const before = forgotten ? 0 : row.failures;
    if (success) {
      if (kind === "address") continue;
      await tx.signInThrottle.update({ where: { key: row.key }, data: { failures: 0, blockedUntil: null, lastFailureAt: null } });
    } else {
      const failures = before + 1;
      const delay = delayAfter(SIGN_IN_RULES[kind], failures);
      await tx.signInThrottle.update({
        where: { key: row.key },
        data: { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null },
      });
    }
  }
  return { admitted: true };
}

/** 「请 30 秒后再试」: the wait in words, rounded up. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} 秒`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} 分钟`;
}

/** Housekeeping: keys quiet for longer than FORGET_AFTER_MS and not blocked. */
export async function forgetQuietKeys(db: Db, now = new Date()): Promise<void> {
  await db.signInThrottle.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] },
  });
}

export async function recordLoginAttempt(tx: Tx, attempt: { username: string; ip: string; success: boolean; at: Date }): Promise<void> {
  await tx.loginAttempt.create({ data: attempt });
}
