/** Sign-in, session lookup and sign-out. Sessions live in the database (several app instances share them). */
import "server-only";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { loginBlocked, recordLoginAttempt, LOGIN_WINDOW_MINUTES } from "./rateLimit";
import type { SessionUser, StaffRole, MembershipView } from "./roles";
import { digest, newToken } from "./tokens";
import { dbCache } from "../cache";

export const SESSION_TTL_MS = Number(process.env.SESSION_TTL_HOURS ?? 12) * 3_600_000;
/** How long a resolved session is reused without a database read (sign-out elsewhere takes effect within it). */
const SESSION_CACHE_MS = 5_000;
const sessionCache = (db: Db) => dbCache<ResolvedSession>(db, "session", SESSION_CACHE_MS, 10_000);
const REFRESH_AFTER_MS = 5 * 60_000;

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** A hash verified when the account does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(newToken()));

export type CredentialCheck =
  | { ok: true; user: { id: string; kind: SessionUser["kind"] } }
  | { ok: false; error: AppError; userId: string | null; reason: "blocked" | "credentials" };

/** Checks a sign-in outside any transaction (hashing is slow): limit, account, password. */
export async function checkCredentials(db: Db, input: SignInInput, now = new Date()): Promise<CredentialCheck> {
  const username = input.username.trim();
  const user = await db.user.findUnique({ where: { username } });
  if (await loginBlocked(db, username, input.ip, now)) {
    const error = new AppError("TOO_MANY_REQUESTS", `登录失败次数过多，请 ${LOGIN_WINDOW_MINUTES} 分钟后再试`);
    return { ok: false, error, userId: user?.id ?? null, reason: "blocked" };
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.disabledAt) {
    return { ok: false, error: new AppError("UNAUTHORIZED", "用户名或密码不正确"), userId: user?.id ?? null, reason: "credentials" };
  }
  return { ok: true, user: { id: user.id, kind: user.kind as SessionUser["kind"] } };
}

/** Records the attempt and, when the check passed, opens a session: inside the caller's write transaction. */
export async function recordSignIn(tx: Tx, input: SignInInput, check: CredentialCheck, now = new Date()): Promise<IssuedSession | null> {
  const username = input.username.trim();
  if (!check.ok) {
    if (check.reason === "credentials") await recordLoginAttempt(tx, { username, ip: input.ip, success: false, at: now });
    return null;
  }
  await recordLoginAttempt(tx, { username, ip: input.ip, success: true, at: now });
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await tx.session.create({
    data: {
      id: digest(token),
      userId: check.user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: input.userAgent?.slice(0, 300),
    },
  });
  return { token, csrfToken, expiresAt, user: await loadSessionUser(tx, check.user.id) };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** The session a cookie token names, or null when unknown or expired (expired ones are removed). */
export async function resolveSession(db: Db, token: string | undefined, now = new Date()): Promise<ResolvedSession | null> {
  if (!token) return null;
  const id = digest(token);
  const hit = sessionCache(db)?.get(id);
  if (hit && hit.expiresAt.getTime() > now.getTime()) return hit;
  const session = await db.session.findUnique({ where: { id } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = session.expiresAt;
  if (now.getTime() - session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db.session.update({ where: { id }, data: { lastSeenAt: now, expiresAt } });
  }
  const user = await loadSessionUser(db, session.userId);
  const resolved = { sessionId: id, csrfToken: session.csrfToken, expiresAt, user };
  sessionCache(db)?.set(id, resolved);
  return resolved;
}

/** Ends the session a token names (inside the caller's write transaction); answers whether there was one. */
export async function endSession(db: Db, tx: Tx, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  sessionCache(db)?.delete(digest(token));
  return (await tx.session.deleteMany({ where: { id: digest(token) } })).count > 0;
}

export async function loadSessionUser(db: Db | Tx, userId: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { organisation: true } } },
  });
  const memberships: MembershipView[] = user.memberships.map((m) => ({
    organisationId: m.organisationId,
    organisationName: m.organisation.name,
    organisationLevel: m.organisation.level as MembershipView["organisationLevel"],
    role: m.role as StaffRole,
  }));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind as SessionUser["kind"],
    memberships,
    facts: { idNumber: user.idNumber, creditCode: user.creditCode, phone: user.phone },
  };
}
