/**
 * Issue 9, item 6, over HTTP: tRPC answers are neither cached nor sniffed; `Origin: null` on an
 * upload is refused (403), not a 500; a forged X-Forwarded-Host does not pass the origin check
 * unless TRUST_PROXY=1; pages carry a Content-Security-Policy, without `unsafe-eval` where
 * applicants work.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { mutation, setCookies, serveTestDb, type TestServer } from "../support/httpServer";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "@/runtime/auth/cookies";
import { contentSecurityPolicy, securityHeaders } from "@/runtime/http/securityHeaders";

describe.each(databaseKinds())("HTTP security on %s", (kind) => {
  let t: TestDb;
  let server: TestServer;
  let cookie: string;
  let csrf: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    const definition = exampleDefinition();
    definition.materials[0].obtainableBySharing = false;
    await publishService(t.db, definition);
    server = await serveTestDb(t);
    const signIn = await mutation(server, "auth.signIn", { username: "zhangsan", password: TEST_DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const cookies = setCookies(signIn);
    csrf = cookies.get(CSRF_COOKIE)!.value;
    cookie = `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)!.value}; ${CSRF_COOKIE}=${csrf}`;
    const started = await mutation(server, "applications.startDraft", { code: definition.code, officeId: "150102" }, { cookie, [CSRF_HEADER]: csrf });
    applicationId = ((await started.json()) as { result: { data: { id: string } } }).result.data.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it("marks every tRPC answer no-store and nosniff: queries, mutations and errors", async () => {
    const answers = [
      await fetch(`${server.base}/api/trpc/auth.me`, { headers: { cookie } }),
      await fetch(`${server.base}/api/trpc/applications.get?input=${encodeURIComponent(JSON.stringify({ id: applicationId }))}`, { headers: { cookie } }),
      await fetch(`${server.base}/api/trpc/applications.get?input=${encodeURIComponent(JSON.stringify({ id: applicationId }))}`),
      await mutation(server, "auth.signIn", { username: "zhangsan", password: "wrong-password" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 401]);
    for (const answer of answers) {
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    }
    // The case answer is personal data (the applicant's name among it).
    expect(JSON.stringify(await answers[1].json())).toContain("张三");
  });

  it("refuses an upload whose Origin is `null` with 403 and stores nothing", async () => {
    const upload = (origin: string) =>
      fetch(`${server.base}/api/files?applicationId=${applicationId}&materialId=m1`, {
        method: "POST",
        headers: { cookie, [CSRF_HEADER]: csrf, origin, "content-type": "image/png", "x-file-name": "id.png" },
        body: PNG_BYTES,
      });
    for (const origin of ["null", "not a url", "http://evil.example"]) {
      const refused = await upload(origin);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("跨站请求已被拒绝");
    }
    expect(await t.db.attachment.count({ where: { applicationId } })).toBe(0);
    expect((await upload(server.base)).status).toBe(201);
  });

  it("believes X-Forwarded-Host only behind a trusted proxy", async () => {
    const forged = { cookie, [CSRF_HEADER]: csrf, origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    const refused = await mutation(server, "applications.startDraft", { code: exampleDefinition().code, officeId: "150102" }, forged);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("跨站请求已被拒绝");

    process.env.TRUST_PROXY = "1";
    const proxied = await mutation(server, "applications.startDraft", { code: exampleDefinition().code, officeId: "150102" }, {
      ...forged,
      origin: "https://hrss.example",
      "x-forwarded-host": "hrss.example",
    });
    expect(proxied.status).toBe(200);
  });
});

describe("page security headers", () => {
  it("forbid eval on applicant pages, keep it on staff pages, and send HSTS only behind HTTPS", () => {
    for (const page of ["/", "/login?next=/hall", "/hall", "/hall/services/s001", "/cases/abc/edit", "/documents/x"]) {
      const csp = contentSecurityPolicy(page.split("?")[0]);
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
    }
    for (const page of ["/designer", "/designer/services/1", "/workbench/cases/1", "/calendar"]) expect(contentSecurityPolicy(page)).toContain("'unsafe-eval'");
    expect(securityHeaders("/hall", { dev: false, secure: false }).map(([name]) => name)).toEqual(["Content-Security-Policy"]);
    expect(securityHeaders("/hall", { dev: false, secure: true })).toContainEqual(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
    expect(securityHeaders("/api/trpc/auth.me", { dev: false, secure: true }).map(([name]) => name)).toEqual(["Strict-Transport-Security"]);
    expect(securityHeaders("/hall", { dev: true, secure: false })).toEqual([]);
  });
});
