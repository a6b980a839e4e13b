/**
 * Where to go after sign-in: only a path on this site. The value is parsed as a browser would
 * (`new URL` against a stand-in origin: backslashes count as slashes, tabs and newlines are
 * dropped), so `/\evil.example` and `/<TAB>/evil.example` — both `//evil.example` to a browser —
 * are refused because their origin is not this one.
 */
const SAME = "https://this-site.invalid";

export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(next, SAME);
  } catch {
    return null;
  }
  return url.origin === SAME ? `${url.pathname}${url.search}${url.hash}` : null;
}
