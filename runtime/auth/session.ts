/**
 * Sign-in, session lookup and sign-out. Sessions live in the database (several app instances share
 * them) and follow the account: each request reads its session row joined with the user's
 * `disabledAt` and `authVersion` in one indexed query, so a sign-out, a revocation or a disabled
 * account is honoured by every instance at the next request. Only the user's view (name,
 * memberships) is cached per process, keyed by `authVersion`, which every change to it bumps.
 */
import "server-only";
import { noteRequestUser } from "@/runtime/ops/log";
import type { Db, Tx } from "../db";
import { sqlOf } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { recordLoginAttempt, settleSignIn, signInWait, waitInWords } from "./rateLimit";
import type { SessionUser, StaffRole, MembershipView } from "./roles";
import { digest, newToken } from "./tokens";
import { cached, dbCache } from "../cache";

/** Sliding lifetime: a session unused this long ends. */
export const SESSION_TTL_MS = Number(process.env.SESSION_TTL_HOURS ?? 12) * 3_600_000;
/** Absolute lifetime: a session ends this long after sign-in however much it is used. */
export const SESSION_MAX_MS = Number(process.env.SESSION_MAX_HOURS ?? 24) * 3_600_000;
/** The user's view is reused per process for at most this long (and never past an authVersion bump). */
const USER_CACHE_MS = 60_000;
const userCache = (db: Db) => dbCache<SessionUser>(db, "sessionUser", USER_CACHE_MS, 10_000);
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

function tooManyFailures(waitMs: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", `登录失败次数过多，请 ${waitInWords(waitMs)}后再试`);
}

/**
 * Checks a sign-in outside any transaction (hashing is slow): a key still waiting is refused
 * without hashing; else account and password. Nothing counts until `recordSignIn`.
 */
export async function checkCredentials(db: Db, input: SignInInput, now = new Date()): Promise<CredentialCheck> {
  const username = input.username.trim();
  const user = await db.user.findUnique({ where: { username } });
  const waitMs = await signInWait(db, { username, ip: input.ip }, now);
  if (waitMs > 0) return { ok: false, error: tooManyFailures(waitMs), userId: user?.id ?? null, reason: "blocked" };
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.disabledAt) {
    return { ok: false, error: new AppError("UNAUTHORIZED", "用户名或密码不正确"), userId: user?.id ?? null, reason: "credentials" };
  }
  return { ok: true, user: { id: user.id, kind: user.kind as SessionUser["kind"] } };
}

export interface SignInOptions {
  /** End the user's other sessions (「退出其他设备上的登录」). */
  signOutOthers?: boolean;
}

export type SignInOutcome = { ok: true; session: IssuedSession; endedOthers: number } | Extract<CredentialCheck, { ok: false }>;

/**
 * Inside the caller's write transaction: checks the limit again under lock and records the
 * outcome in the same transaction (so a burst cannot outrun it), then opens a session.
 */
export async function recordSignIn(tx: Tx, input: SignInInput, check: CredentialCheck, options: SignInOptions = {}, now = new Date()): Promise<SignInOutcome> {
  const username = input.username.trim();
  if (!check.ok && check.reason === "blocked") return check;
  const settled = await settleSignIn(tx, { username, ip: input.ip }, check.ok, now);
  if (!settled.admitted) {
    return { ok: false, error: tooManyFailures(settled.waitMs), userId: check.ok ? check.user.id : check.userId, reason: "blocked" };
  }
  await recordLoginAttempt(tx, { username, ip: input.ip, success: check.ok, at: now });
  if (!check.ok) return check;
  const endedOthers = options.signOutOthers ? (await tx.session.deleteMany({ where: { userId: check.user.id } })).count : 0;
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + Math.min(SESSION_TTL_MS, SESSION_MAX_MS));
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
  return { ok: true, session: { token, csrfToken, expiresAt, user: await loadSessionUser(tx, check.user.id) }, endedOthers };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** Times as ISO text (UTC), so neither driver's own date parsing is involved. */
interface SessionRow {
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  authVersion: number | bigint;
  disabled: number | boolean;
}

const asDate = (value: string) => new Date(value);

/** The lookup of every request: by primary key, joined with its user; prepared once on the driver (runtime/db/sql.ts). */
const SESSION_SQLITE =
  'SELECT s."userId", s."csrfToken", s."createdAt", s."expiresAt", s."lastSeenAt", u."authVersion", u."disabledAt" IS NOT NULL AS "disabled" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?';
const pgIso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${column.split(".")[1].replaceAll('"', "")}"`;
const SESSION_POSTGRES = `SELECT s."userId", s."csrfToken", ${pgIso('s."createdAt"')}, ${pgIso('s."expiresAt"')}, ${pgIso('s."lastSeenAt"')}, u."authVersion", u."disabledAt" IS NOT NULL AS "disabled" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`;

/**
 * The session a cookie token names, or null when unknown, expired (sliding or absolute; removed)
 * or its account is disabled. One indexed query (session by primary key, joined with its user).
 */
export async function resolveSession(db: Db, token: string | undefined, now = new Date()): Promise<ResolvedSession | null> {
  if (!token) return null;
  const id = digest(token);
  const sql = sqlOf(db);
  const row = await sql.readOne<SessionRow>(sql.kind === "postgres" ? SESSION_POSTGRES : SESSION_SQLITE, [id]);
  if (!row || row.disabled) return null;
  const endsAt = asDate(row.createdAt).getTime() + SESSION_MAX_MS;
  let expiresAt = asDate(row.expiresAt);
  if (Math.min(expiresAt.getTime(), endsAt) <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - asDate(row.lastSeenAt).getTime() > REFRESH_AFTER_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_TTL_MS, endsAt));
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt } });
  }
  const user = await cached(userCache(db), `${row.userId}:${Number(row.authVersion)}`, () => loadSessionUser(db, row.userId));
  noteRequestUser(user.id);
  return { sessionId: id, csrfToken: row.csrfToken, expiresAt, user };
}

/** Ends the session a token names (inside the caller's write transaction); answers whether there was one. */
export async function endSession(tx: Tx, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return (await tx.session.deleteMany({ where: { id: digest(token) } })).count > 0;
}

/**
 * Ends every session of a user (inside the caller's write transaction) and bumps its
 * `authVersion`, so no instance serves a cached view of the user any more. Answers how many ended.
 */
export async function endUserSessions(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  await tx.user.update({ where: { id: userId }, data: { authVersion: { increment: 1 } } });
  return count;
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
