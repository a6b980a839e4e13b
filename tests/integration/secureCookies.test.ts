/**
 * Issue 9, item 6: behind HTTPS (COOKIE_SECURE=1) the session and CSRF cookies are `__Host-`
 * prefixed (Secure, Path=/, no Domain: a sibling subdomain or a plain-HTTP page cannot plant
 * them), the server reads only the prefixed name, and responses carry HSTS.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.COOKIE_SECURE = "1";
});

import { databaseKinds, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { mutation, setCookies, serveTestDb, type TestServer } from "../support/httpServer";
import { CSRF_HEADER } from "@/runtime/auth/cookies";

describe.each(databaseKinds())("secure cookies on %s", (kind) => {
  let t: TestDb;
  let server: TestServer;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    server = await serveTestDb(t);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it("sets __Host- cookies, reads only them, and sends HSTS", async () => {
    const signIn = await mutation(server, "auth.signIn", { username: "zhangsan", password: TEST_DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const cookies = setCookies(signIn);
    expect([...cookies.keys()].sort()).toEqual(["__Host-hrss_csrf", "__Host-hrss_session"]);
    for (const { attributes } of cookies.values()) {
      expect(attributes).toEqual(expect.arrayContaining(["Path=/", "Secure"]));
      expect(attributes.some((a) => a.toLowerCase().startsWith("domain="))).toBe(false);
    }
    const token = cookies.get("__Host-hrss_session")!.value;
    const me = async (cookie: string) =>
      ((await (await fetch(`${server.base}/api/trpc/auth.me`, { headers: { cookie } })).json()) as { result: { data: { user: { username: string } | null } } }).result.data.user;
    expect(await me(`__Host-hrss_session=${token}`)).toMatchObject({ username: "zhangsan" });
    // The same token under the unprefixed name (as a subdomain could plant it) is not a session.
    expect(await me(`hrss_session=${token}`)).toBeNull();

    const csrf = cookies.get("__Host-hrss_csrf")!.value;
    const signOut = await mutation(server, "auth.signOut", {}, { cookie: `__Host-hrss_session=${token}`, [CSRF_HEADER]: csrf });
    expect(signOut.status).toBe(200);
    const cleared = setCookies(signOut);
    expect(cleared.get("__Host-hrss_session")?.attributes).toContain("Max-Age=0");
    expect(await me(`__Host-hrss_session=${token}`)).toBeNull();
  });
});
