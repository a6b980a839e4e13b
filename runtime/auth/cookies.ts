/**
 * Cookie names and (de)serialisation shared by the tRPC context and the Next pages. Behind HTTPS
 * (COOKIE_SECURE=1) the cookies are sent as `__Host-<name>`: the browser then only accepts them
 * Secure, for Path=/ and from this exact host, so a sibling subdomain or a plain-HTTP page cannot
 * plant a session or CSRF cookie; and the server reads only the prefixed name.
 */
export const SESSION_COOKIE = "hrss_session";
/** Readable by the page's script, echoed back in the `x-csrf-token` header on mutations. */
export const CSRF_COOKIE = "hrss_csrf";
export const CSRF_HEADER = "x-csrf-token";
/**
 * The applicant's chosen place in 办事大厅 (a league or banner id), set by /hall/place and read by
 * the hall's server pages: the catalogue and guides are those that apply there. Not a
 * credential: anything unknown is the region.
 */
export const PLACE_COOKIE = "hrss_place";
const HOST_PREFIX = "__Host-";

/** Whether cookies are marked Secure (and `__Host-` prefixed): COOKIE_SECURE=1. */
export function secureCookies(): boolean {
  return process.env.COOKIE_SECURE === "1";
}

/** The name a cookie travels under: `__Host-<base>` when secure. */
export function cookieName(base: string, secure = secureCookies()): string {
  return secure ? `${HOST_PREFIX}${base}` : base;
}

/** In the browser (which does not know COOKIE_SECURE): the CSRF cookie under either name. */
export function csrfFromDocumentCookie(cookieHeader: string): string | undefined {
  const cookies = parseCookies(cookieHeader);
  return cookies[`${HOST_PREFIX}${CSRF_COOKIE}`] ?? cookies[CSRF_COOKIE];
}

export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  httpOnly: boolean;
  secure: boolean;
}

/** A Set-Cookie value; `name` is the base name (prefixed `__Host-` when `opts.secure`). */
export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  const parts = [
    `${cookieName(name, opts.secure)}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    "SameSite=Lax",
  ];
  if (opts.httpOnly) parts.push("HttpOnly");
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}
