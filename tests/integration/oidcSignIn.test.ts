/**
 * Sign-in through OpenID Connect, end to end over HTTP against a real provider on localhost
 * (oidc-provider): discovery, authorization code + PKCE, state and nonce; the provider's subject
 * mapped to a local applicant account; the same session cookies as a password sign-in.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { startHttpServer, type TestServer } from "../support/httpServer";
import { CookieJar, followFlow, startOidcProvider, type TestProvider } from "../support/oidcProvider";
import { closeDb } from "@/runtime/db";
import { CSRF_COOKIE, SESSION_COOKIE } from "@/runtime/auth/cookies";
import { digest } from "@/runtime/auth/tokens";

const ZHANGSAN_ID = "150102199003071237";

describeOnDatabases("sign-in through OpenID Connect", (kind) => {
  let t: TestDb;
  let app: TestServer;
  let provider: TestProvider;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    process.env.DATABASE_URL = t.url;
    app = await startHttpServer();
    const redirectUri = `${app.base}/auth/oidc/callback`;
    provider = await startOidcProvider(redirectUri, {
      "gov-zhangsan": { name: "张三", id_number: ZHANGSAN_ID, id_number_verified: true },
      "gov-newcomer": { name: "其其格", id_number: "150102199201010021", id_number_verified: true, phone_number: "+8613900002001", phone_number_verified: true },
      "gov-unverified": { name: "冒充者", id_number: ZHANGSAN_ID, id_number_verified: false },
    });
    Object.assign(process.env, {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
    });
  }, 120_000);
  afterAll(async () => {
    for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI", "DATABASE_URL"]) delete process.env[name];
    await app?.close();
    await provider?.close();
    await closeDb();
    await t?.cleanup();
  });

  const start = () => new URL(`${app.base}/auth/oidc/start`);
  const signInAs = async (accountId: string, rewrite?: (url: URL) => URL) => {
    const jar = new CookieJar();
    const { response } = await followFlow(jar, start(), accountId, app.host, rewrite);
    return { response, cookies: jar.of(app.host) };
  };
  const me = async (cookies: Map<string, string>) => {
    const answer = await fetch(`${app.base}/api/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}` } });
    return ((await answer.json()) as { result: { data: { user: { username: string; kind: string; displayName: string; facts: { idNumber: string | null; phone: string | null } } | null } } }).result.data.user;
  };

  it("links a verified resident ID to the existing account and opens the same session as a password sign-in", async () => {
    const { response, cookies } = await signInAs("gov-zhangsan");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/hall");
    expect(cookies.get(SESSION_COOKIE)).toBeTruthy();
    expect(cookies.get(CSRF_COOKIE)).toBeTruthy();
    expect(cookies.has("hrss_oidc")).toBe(false);
    expect(await me(cookies)).toMatchObject({ username: "zhangsan", kind: "person" });
    const zhangsan = await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });
    const session = await t.db.session.findUniqueOrThrow({ where: { id: digest(cookies.get(SESSION_COOKIE)!) } });
    expect(session.userId).toBe(zhangsan.id);
    expect(await t.db.oidcIdentity.findMany({ where: { userId: zhangsan.id } })).toMatchObject([{ issuer: provider.issuer, subject: "gov-zhangsan" }]);
    const signIn = await t.db.auditEvent.findFirstOrThrow({ where: { action: "signIn", entityId: zhangsan.id }, orderBy: { id: "desc" } });
    expect(signIn).toMatchObject({ actorId: zhangsan.id, payload: { method: "oidc", issuer: provider.issuer, account: "matched" } });
    expect(await t.db.auditEvent.count({ where: { action: "oidcLinked", entityId: zhangsan.id } })).toBe(1);

    // The next time, the subject itself names the account.
    const again = await signInAs("gov-zhangsan");
    expect(await me(again.cookies)).toMatchObject({ username: "zhangsan" });
    expect(await t.db.oidcIdentity.count({ where: { userId: zhangsan.id } })).toBe(1);
  });

  it("creates an applicant account from the claims on a first sign-in", async () => {
    const { response, cookies } = await signInAs("gov-newcomer");
    expect(response.headers.get("location")).toBe("/hall");
    const user = await me(cookies);
    expect(user).toMatchObject({ kind: "person", displayName: "其其格", facts: { idNumber: "150102199201010021", phone: "13900002001" } });
    const registered = await t.db.auditEvent.findMany({ where: { action: "register" } });
    expect(registered.map((e) => e.payload)).toEqual([expect.objectContaining({ kind: "person", method: "oidc", issuer: provider.issuer })]);
    // No password opens it.
    const signIn = await fetch(`${app.base}/api/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: user!.username, password: "" }) });
    expect(signIn.status).toBe(400);
  });

  it("does not link a resident ID the provider does not vouch for", async () => {
    const { cookies } = await signInAs("gov-unverified");
    const user = await me(cookies);
    expect(user).toMatchObject({ kind: "person", displayName: "冒充者", facts: { idNumber: null } });
    expect(user!.username).not.toBe("zhangsan");
  });

  it("refuses a forged state: no session", async () => {
    const forge = (url: URL) => {
      if (url.pathname === "/auth/oidc/callback") url.searchParams.set("state", "forged-state-value");
      return url;
    };
    const { response, cookies } = await signInAs("gov-zhangsan", forge);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?oidc=failed");
    expect(cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("refuses an ID token with another nonce than the one this browser was given", async () => {
    const swapNonce = (url: URL) => {
      if (url.origin === provider.issuer && url.pathname === "/auth" && url.searchParams.has("nonce")) url.searchParams.set("nonce", "attacker-chosen-nonce");
      return url;
    };
    const { response, cookies } = await signInAs("gov-zhangsan", swapNonce);
    expect(response.headers.get("location")).toBe("/login?oidc=failed");
    expect(cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("refuses a callback without the browser's flow cookie (a code replayed into another browser)", async () => {
    const jar = new CookieJar();
    const { url } = await followFlow(jar, start(), "gov-zhangsan", app.host, (u) => u);
    expect(url.pathname).toBe("/auth/oidc/callback");
    const stranger = await fetch(url, { redirect: "manual" });
    expect(stranger.headers.get("location")).toBe("/login?oidc=expired");
    expect(stranger.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it("answers 404 when OpenID Connect is not configured", async () => {
    const issuer = process.env.OIDC_ISSUER;
    delete process.env.OIDC_ISSUER;
    try {
      expect((await fetch(`${app.base}/auth/oidc/start`, { redirect: "manual" })).status).toBe(404);
    } finally {
      process.env.OIDC_ISSUER = issuer;
    }
  });
});
