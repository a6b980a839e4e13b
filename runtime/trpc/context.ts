/**
 * The request context of every tRPC call: the database, the signed-in user (from the
 * session cookie), and what the CSRF guard needs. Transport-neutral: built from a
 * node:http request by the server, or from plain headers by tests.
 */
import "server-only";
import type { Db } from "../db";
import { getDb } from "../db";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db/unavailable";
import { AppError } from "../errors";
import { CSRF_HEADER, SESSION_COOKIE, cookieName, parseCookies } from "../auth/cookies";
import { resolveSession, type ResolvedSession } from "../auth/session";
import type { SessionUser } from "../auth/roles";
import { trustedProxyHops } from "../http/clientAddress";

export interface RequestInfo {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  /** The request is a tRPC batch (`?batch=1`). */
  batched?: boolean;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  session: ResolvedSession | null;
  /** The raw session token from the cookie (for sign-out). */
  sessionToken: string | undefined;
  ip: string;
  /** The call arrived as one of a batch (`?batch=1`); procedures marked `unbatched` refuse it. */
  batched?: boolean;
  userAgent: string | undefined;
  /** The CSRF token the request presented in its header. */
  presentedCsrf: string | undefined;
  origin: string | undefined;
  host: string | undefined;
  /** Queue a Set-Cookie header on the response. */
  setCookie: (cookie: string) => void;
}

function header(info: RequestInfo, name: string): string | undefined {
  const value = info.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function createContext(
  info: RequestInfo,
  setCookie: (cookie: string) => void,
  db: Db = getDb(),
): Promise<Context> {
  const cookies = parseCookies(header(info, "cookie"));
  const sessionToken = cookies[cookieName(SESSION_COOKIE)];
  let session: Awaited<ReturnType<typeof resolveSession>>;
  try {
    session = await resolveSession(db, sessionToken);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new AppError("SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
    throw error;
  }
  return {
    db,
    user: session?.user ?? null,
    session,
    sessionToken,
    ip: info.ip,
    batched: info.batched ?? false,
    userAgent: header(info, "user-agent"),
    presentedCsrf: header(info, CSRF_HEADER),
    origin: header(info, "origin"),
    // A proxy's X-Forwarded-Host is believed only behind a trusted proxy (else anyone could make
    // the origin check compare against a host of their choosing).
    host: (trustedProxyHops() > 0 ? header(info, "x-forwarded-host") : undefined) ?? header(info, "host"),
    setCookie,
  };
}
