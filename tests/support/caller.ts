/**
 * Calls tRPC procedures as a browser would, against a real database: the context is
 * built from headers (session cookie, CSRF header, origin) exactly as the server builds it.
 */
import { appRouter } from "@/runtime/trpc/appRouter";
import { createCallerFactory } from "@/runtime/trpc/init";
import { createContext } from "@/runtime/trpc/context";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, parseCookies } from "@/runtime/auth/cookies";
import type { Db } from "@/runtime/db";
import { TEST_DEMO_PASSWORD } from "./demoPassword";

const factory = createCallerFactory(appRouter);

export interface Browser {
  /** Cookies the server set so far (name → value). */
  cookies: Record<string, string>;
  ip: string;
  /** Send the CSRF header on mutations (a same-site page does; a cross-site form cannot). */
  sendCsrf: boolean;
  origin?: string;
}

export function newBrowser(ip = "127.0.0.1"): Browser {
  return { cookies: {}, ip, sendCsrf: true };
}

export async function callerFor(db: Db, browser: Browser) {
  const cookieHeader = Object.entries(browser.cookies)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("; ");
  const headers: Record<string, string> = { host: "localhost:3000", cookie: cookieHeader };
  if (browser.sendCsrf && browser.cookies[CSRF_COOKIE]) headers[CSRF_HEADER] = browser.cookies[CSRF_COOKIE];
  if (browser.origin) headers.origin = browser.origin;
  const ctx = await createContext({ headers, ip: browser.ip }, (cookie) => {
    const [pair] = cookie.split(";");
    const parsed = parseCookies(pair);
    for (const [name, value] of Object.entries(parsed)) {
      if (/Max-Age=0/.test(cookie)) delete browser.cookies[name];
      else browser.cookies[name] = value;
    }
  }, db);
  return factory(ctx);
}

/** Signs a browser in and returns a caller carrying its session. */
export async function signedIn(db: Db, username: string, password = TEST_DEMO_PASSWORD) {
  const browser = newBrowser();
  await (await callerFor(db, browser)).auth.signIn({ username, password });
  if (!browser.cookies[SESSION_COOKIE]) throw new Error(`sign-in of ${username} set no session cookie`);
  return { browser, caller: await callerFor(db, browser) };
}
