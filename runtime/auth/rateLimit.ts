/**
 * A limit on failed sign-ins, kept in the database so it holds across several app
 * instances: too many failures for one account (or from one address) in a window locks
 * further attempts until the window passes.
 */
import "server-only";
import type { Db, Tx } from "../db";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export async function loginBlocked(db: Db, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { username, success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginAttempt(
  db: Db | Tx,
  attempt: { username: string; ip: string; success: boolean; at: Date },
): Promise<void> {
  await db.loginAttempt.create({ data: attempt });
  if (attempt.success) {
    // A successful sign-in clears the account's recent failures.
    await db.loginAttempt.deleteMany({ where: { username: attempt.username, success: false } });
  }
}
