/**
 * The OpenID Connect routes on the custom server (server.ts dispatches them like /api/trpc):
 *
 *   GET /auth/oidc/start     → a new state, nonce and PKCE verifier kept in a short http-only
 *                              cookie; redirect to the provider's authorization endpoint
 *   GET /auth/oidc/callback  → code exchanged (openid-client checks state, PKCE, the ID token's
 *                              issuer, audience, signature and nonce); account found, linked or
 *                              created; the same session cookies as a password sign-in; → /hall
 *
 * A refused callback sets no session and sends the browser to /login?oidc=<reason>.
 */
import "server-only";
import { errorLog, log } from "@/runtime/ops/log";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as client from "openid-client";
import { getDb, type Db } from "@/runtime/db";
import { CSRF_COOKIE, SESSION_COOKIE, cookieName, parseCookies, secureCookies, serializeCookie } from "@/runtime/auth/cookies";
import { clientIp } from "@/runtime/trpc/nodeHandler";
import { oidcSettings, type OidcSettings } from "./oidcConfig";
import { OidcSignInRefused, readClaims, signInWithOidc } from "./oidcAccounts";

export const OIDC_PATH = "/auth/oidc/";
const START = "/auth/oidc/start";
const CALLBACK = "/auth/oidc/callback";
const FLOW_COOKIE = "hrss_oidc";
const FLOW_MAX_AGE_SECONDS = 600;

/** Why a sign-in through the provider did not happen; the sign-in page shows the words. */
export type OidcFailure = "expired" | "failed" | "disabled" | "staff" | "denied";

const configurations = new Map<string, Promise<client.Configuration>>();

function loopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** The provider's configuration, discovered once per issuer and client (again after a failure). */
function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only for a provider on this machine (development and tests).
    const execute = issuer.protocol === "http:" && loopback(issuer) ? [client.allowInsecureRequests] : [];
    found = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, { execute, timeout: 10 });
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.statusCode = 302;
  for (const cookie of cookies) res.appendHeader("Set-Cookie", cookie);
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.end();
}

const flowCookie = (value: string, maxAgeSeconds: number) => serializeCookie(FLOW_COOKIE, value, { maxAgeSeconds, httpOnly: true, secure: secureCookies() });

function readFlow(req: IncomingMessage): Flow | null {
  const raw = parseCookies(req.headers.cookie)[cookieName(FLOW_COOKIE)];
  if (!raw) return null;
  try {
    const flow = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Flow>;
    return typeof flow.state === "string" && typeof flow.nonce === "string" && typeof flow.verifier === "string" ? (flow as Flow) : null;
  } catch {
    return null;
  }
}

async function start(res: ServerResponse, settings: OidcSettings): Promise<void> {
  const config = await configuration(settings);
  const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scope,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  redirect(res, url.href, [flowCookie(Buffer.from(JSON.stringify(flow)).toString("base64url"), FLOW_MAX_AGE_SECONDS)]);
}

async function callback(req: IncomingMessage, res: ServerResponse, settings: OidcSettings, db: Db): Promise<void> {
  const clearFlow = flowCookie("", 0);
  const fail = (reason: OidcFailure) => redirect(res, `/login?oidc=${reason}`, [clearFlow]);
  const flow = readFlow(req);
  // The flow is used once, whatever happens next.
  if (!flow) return fail("expired");
  const query = new URL(req.url ?? "/", "http://localhost").search;
  if (new URLSearchParams(query).get("error") === "access_denied") return fail("denied");
  // As the provider redirected to it (behind a proxy the request's own host differs).
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = query;
  let claims: Record<string, unknown>;
  try {
    const config = await configuration(settings);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return fail("failed");
    claims = { ...idToken };
    if (tokens.access_token && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { ...info, ...idToken };
    }
  } catch (error) {
    log.warn({ reason: error instanceof Error ? error.message : String(error) }, "统一身份认证登录被拒绝");
    return fail("failed");
  }
  try {
    const session = await signInWithOidc(db, readClaims(settings.issuer, claims, settings.idNumberClaim), {
      ip: clientIp(req),
      userAgent: req.headers["user-agent"],
    });
    const maxAge = (session.expiresAt.getTime() - Date.now()) / 1000;
    const secure = secureCookies();
    redirect(res, "/hall", [
      clearFlow,
      serializeCookie(SESSION_COOKIE, session.token, { maxAgeSeconds: maxAge, httpOnly: true, secure }),
      serializeCookie(CSRF_COOKIE, session.csrfToken, { maxAgeSeconds: maxAge, httpOnly: false, secure }),
    ]);
  } catch (error) {
    if (error instanceof OidcSignInRefused) return fail(error.reason);
    throw error;
  }
}

/** Answers /auth/oidc/*; 404 when OpenID Connect is not configured. */
export async function handleOidc(req: IncomingMessage, res: ServerResponse, db: Db = getDb()): Promise<void> {
  const settings = oidcSettings();
  const path = (req.url ?? "").split("?")[0];
  try {
    if (settings && req.method === "GET" && path === START) return await start(res, settings);
    if (settings && req.method === "GET" && path === CALLBACK) return await callback(req, res, settings, db);
    res.statusCode = 404;
    res.end();
  } catch (error) {
    log.error(errorLog(error), "统一身份认证登录失败");
    if (!res.headersSent) redirect(res, "/login?oidc=failed");
  }
}
