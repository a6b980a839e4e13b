/**
 * Security headers the custom server (server.ts) adds to every response, at run time (Next's
 * `headers()` in next.config.ts are fixed when the app is built; these depend on the deployment):
 *
 * - Content-Security-Policy on pages (production): scripts, styles, images, connections only
 *   from this site; no plugins, no framing, no foreign form targets. Applicant pages (办事大厅,
 *   sign-in, 我的办件) forbid `eval`: their forms use validators precompiled on the server
 *   (runtime/forms/precompile.ts). Staff pages (designer, workbench, calendar) still allow
 *   `unsafe-eval`, because rjsf's validator compiles the schemas being designed with `new Function`.
 *   `'unsafe-inline'` stays for scripts and styles: Next writes its page data as inline scripts.
 * - Strict-Transport-Security when COOKIE_SECURE=1 (the site is served over HTTPS).
 */
const STAFF_AREAS = ["/designer", "/workbench", "/calendar"];

const isStaffPage = (pathname: string) => STAFF_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));

/** The Content-Security-Policy of the page at `pathname`. */
export function contentSecurityPolicy(pathname: string): string {
  const script = isStaffPage(pathname) ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : "script-src 'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    script,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

export interface SecurityHeaderOptions {
  /** Next's development server (hot reload evaluates code): no CSP. */
  dev: boolean;
  /** COOKIE_SECURE=1: served over HTTPS. */
  secure: boolean;
}

/** The headers for a response to `url` (path and query). */
export function securityHeaders(url: string, options: SecurityHeaderOptions): [string, string][] {
  const headers: [string, string][] = [];
  if (options.secure) headers.push(["Strict-Transport-Security", HSTS]);
  const pathname = url.split("?")[0] ?? "/";
  if (!options.dev && !pathname.startsWith("/api/") && !pathname.startsWith("/_next/")) {
    headers.push(["Content-Security-Policy", contentSecurityPolicy(pathname)]);
  }
  return headers;
}
