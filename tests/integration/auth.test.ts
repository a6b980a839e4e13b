import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { callerFor, newBrowser, signedIn } from "../support/caller";
import { resolveSession } from "@/runtime/auth/session";
import { digest } from "@/runtime/auth/tokens";
import { SESSION_COOKIE } from "@/runtime/auth/cookies";
import { SIGN_IN_RULES } from "@/runtime/auth/rateLimit";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";

describeOnDatabases("sign-in and authorisation", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("signs in with the right password, stores only a digest of the token, and signs out", async () => {
    const { browser, caller } = await signedIn(t.db, "hohhot.caseworker");
    const token = browser.cookies[SESSION_COOKIE];
    expect(await t.db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await t.db.session.findUnique({ where: { id: digest(token) } })).not.toBeNull();
    const me = await caller.auth.me();
    expect(me.user?.memberships[0]).toMatchObject({ organisationId: "150100", role: "caseworker" });
    expect(me.areas).toEqual(["workbench", "dashboard"]);
    await caller.auth.signOut();
    expect(await t.db.session.count({ where: { id: digest(token) } })).toBe(0);
    const after = await callerFor(t.db, { ...browser, cookies: { [SESSION_COOKIE]: token } });
    await expect(after.workbench.inbox()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "请先登录" });
  });

  it("refuses a wrong password with a Chinese message and records the failure", async () => {
    const caller = await callerFor(t.db, newBrowser("10.0.0.9"));
    await expect(caller.auth.signIn({ username: "region.admin", password: "nope" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "用户名或密码不正确",
    });
    await expect(caller.auth.signIn({ username: "nobody", password: "nope" })).rejects.toMatchObject({
      message: "用户名或密码不正确",
    });
  });

  it("delays further attempts from an address after repeated failures, even with the right password, saying how long", async () => {
    const caller = await callerFor(t.db, newBrowser("10.0.0.10"));
    for (let i = 0; i < SIGN_IN_RULES.pair.free; i++) {
      await expect(caller.auth.signIn({ username: "xincheng.admin", password: `bad-${i}` })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: "用户名或密码不正确",
      });
    }
    await expect(caller.auth.signIn({ username: "xincheng.admin", password: TEST_DEMO_PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "登录失败次数过多，请 30 秒后再试",
    });
  });

  it("treats an expired session as signed out and removes it", async () => {
    const { browser } = await signedIn(t.db, "region.admin");
    const id = digest(browser.cookies[SESSION_COOKIE]);
    await t.db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(t.db, browser.cookies[SESSION_COOKIE])).toBeNull();
    expect(await t.db.session.count({ where: { id } })).toBe(0);
    const caller = await callerFor(t.db, browser);
    await expect(caller.designer.list()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "请先登录" });
  });

  it("refuses protected procedures without a session and with the wrong role", async () => {
    const anonymous = await callerFor(t.db, newBrowser());
    await expect(anonymous.workbench.inbox()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "请先登录" });
    await expect(anonymous.designer.list()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "请先登录" });
    const applicant = (await signedIn(t.db, "zhangsan")).caller;
    await expect(applicant.workbench.inbox()).rejects.toMatchObject({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
    await expect(applicant.designer.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
    const caseworker = (await signedIn(t.db, "xincheng.caseworker")).caller;
    await expect(caseworker.designer.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
    const admin = (await signedIn(t.db, "region.admin")).caller;
    await expect(admin.workbench.inbox()).rejects.toMatchObject({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
    expect(await admin.designer.list()).toEqual([]);
  });

  it("refuses cookie-authenticated mutations without the CSRF token or from another origin", async () => {
    const { browser } = await signedIn(t.db, "zhangsan");
    const noToken = await callerFor(t.db, { ...browser, sendCsrf: false });
    await expect(noToken.auth.signOut()).rejects.toMatchObject({ code: "FORBIDDEN", message: "请求校验失败，请刷新页面后重试" });
    const crossSite = await callerFor(t.db, { ...browser, origin: "https://evil.example" });
    await expect(crossSite.auth.signOut()).rejects.toMatchObject({ code: "FORBIDDEN", message: "跨站请求已被拒绝" });
    // The session survived both attempts.
    expect(await resolveSession(t.db, browser.cookies[SESSION_COOKIE])).not.toBeNull();
  });

  it("audits sign-in and sign-out", async () => {
    const { caller, browser } = await signedIn(t.db, "hohhot.admin");
    await caller.auth.signOut();
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "hohhot.admin" } });
    const actions = (await t.db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["signIn", "signOut"]);
    expect(browser.cookies[SESSION_COOKIE]).toBeUndefined();
  });
});
