/**
 * Issue 9, item 8 (staff): accounts are created by administrators only, for their own
 * organisation. Through the router: a region administrator administers any office's staff, an
 * office administrator only their own office's; caseworkers, reviewers and applicants cannot call
 * these at all; disabling, resetting a password and 「退出所有登录」 end the account's open sessions
 * at its next request.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { callerFor, signedIn, type Browser } from "../support/caller";

describeOnDatabases("staff accounts", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  /** Who a browser is at its next request (a caller's context is read once, as a request's is). */
  const whoIs = async (b: { browser: Browser }) => (await (await callerFor(t.db, b.browser)).auth.me()).user;
  const idOf = async (username: string) => (await t.db.user.findUniqueOrThrow({ where: { username } })).id;

  it("lets an office administrator create an account in their office, which then signs in, and shows it once", async () => {
    const admin = (await signedIn(t.db, "xincheng.admin")).caller;
    const created = await admin.staffAccounts.create({ organisationId: "150102", username: "xincheng.clerk", displayName: "李四", role: "caseworker" });
    expect(created.password).toMatch(/^[A-Za-z0-9_-]{18}$/);
    const clerk = await signedIn(t.db, "xincheng.clerk", created.password);
    expect((await clerk.caller.auth.me()).user).toMatchObject({ displayName: "李四", memberships: [{ organisationId: "150102", role: "caseworker" }] });
    const list = await admin.staffAccounts.list({});
    expect(list.organisations.map((o) => o.id)).toEqual(["150102"]);
    expect(list.roles).toEqual(["office_admin", "caseworker", "reviewer"]);
    expect(list.staff.find((s) => s.username === "xincheng.clerk")).toMatchObject({ roles: ["caseworker"], disabled: false, openSessions: 1 });
    expect(JSON.stringify(list)).not.toContain(created.password);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "account.create", entityId: created.id } });
    expect(event).toMatchObject({ actorId: await idOf("xincheng.admin"), organisationId: "150102", payload: { username: "xincheng.clerk", role: "caseworker" } });
    // Taken usernames and roles an office cannot hold are refused in Chinese.
    await expect(admin.staffAccounts.create({ organisationId: "150102", username: "xincheng.clerk", displayName: "重名", role: "reviewer" })).rejects.toMatchObject({ code: "CONFLICT", message: "用户名 xincheng.clerk 已被使用，请换一个" });
    await expect(admin.staffAccounts.create({ organisationId: "150102", username: "xincheng.boss", displayName: "越权", role: "region_admin" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.staffAccounts.create({ organisationId: "150102", username: "坏 名字", displayName: "x", role: "reviewer" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an office administrator everything about another office's accounts", async () => {
    const admin = (await signedIn(t.db, "hohhot.admin")).caller;
    await expect(admin.staffAccounts.create({ organisationId: "150102", username: "planted", displayName: "外单位", role: "caseworker" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "您只能管理本单位的工作人员账号" });
    await expect(admin.staffAccounts.create({ organisationId: "150000", username: "planted", displayName: "外单位", role: "caseworker" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.staffAccounts.list({ organisationId: "150102" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await idOf("xincheng.caseworker");
    const regionAdmin = await idOf("region.admin");
    const applicant = await idOf("zhangsan");
    const victim = await signedIn(t.db, "xincheng.caseworker");
    for (const call of [
      () => admin.staffAccounts.disable({ userId: other }),
      () => admin.staffAccounts.enable({ userId: other }),
      () => admin.staffAccounts.resetPassword({ userId: other }),
      () => admin.staffAccounts.signOutEverywhere({ userId: other }),
      () => admin.staffAccounts.disable({ userId: regionAdmin }),
      () => admin.staffAccounts.disable({ userId: applicant }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await t.db.user.count({ where: { username: "planted" } })).toBe(0);
    expect((await whoIs(victim))?.username).toBe("xincheng.caseworker");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: other } })).disabledAt).toBeNull();
  });

  it("refuses caseworkers, reviewers, applicants and anonymous callers every account procedure", async () => {
    const target = await idOf("xincheng.caseworker");
    const callers = [
      ["UNAUTHORIZED", await callerFor(t.db, { cookies: {}, ip: "127.0.0.1", sendCsrf: true })],
      ["FORBIDDEN", (await signedIn(t.db, "xincheng.caseworker")).caller],
      ["FORBIDDEN", (await signedIn(t.db, "region.reviewer")).caller],
      ["FORBIDDEN", (await signedIn(t.db, "zhangsan")).caller],
      ["FORBIDDEN", (await signedIn(t.db, "company.demo")).caller],
    ] as const;
    for (const [code, caller] of callers) {
      await expect(caller.staffAccounts.list({})).rejects.toMatchObject({ code });
      await expect(caller.staffAccounts.create({ organisationId: "150102", username: "sneaky", displayName: "x", role: "caseworker" })).rejects.toMatchObject({ code });
      await expect(caller.staffAccounts.disable({ userId: target })).rejects.toMatchObject({ code });
      await expect(caller.staffAccounts.enable({ userId: target })).rejects.toMatchObject({ code });
      await expect(caller.staffAccounts.resetPassword({ userId: target })).rejects.toMatchObject({ code });
      await expect(caller.staffAccounts.signOutEverywhere({ userId: target })).rejects.toMatchObject({ code });
    }
    expect(await t.db.user.count({ where: { username: "sneaky" } })).toBe(0);
  });

  it("ends an account's open sessions when it is disabled, its password reset, or it is signed out everywhere", async () => {
    const region = (await signedIn(t.db, "region.admin")).caller;
    const created = await region.staffAccounts.create({ organisationId: "150100", username: "hohhot.clerk", displayName: "王五", role: "reviewer" });
    const first = await signedIn(t.db, "hohhot.clerk", created.password);
    const second = await signedIn(t.db, "hohhot.clerk", created.password);
    expect(await region.staffAccounts.signOutEverywhere({ userId: created.id })).toEqual({ endedSessions: 2 });
    expect(await whoIs(first)).toBeNull();
    expect(await whoIs(second)).toBeNull();

    const open = await signedIn(t.db, "hohhot.clerk", created.password);
    const { password } = await region.staffAccounts.resetPassword({ userId: created.id });
    expect(password).not.toBe(created.password);
    expect(await whoIs(open)).toBeNull();
    await expect(signedIn(t.db, "hohhot.clerk", created.password)).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const working = await signedIn(t.db, "hohhot.clerk", password);
    await region.staffAccounts.disable({ userId: created.id });
    expect(await whoIs(working)).toBeNull();
    await expect((await callerFor(t.db, working.browser)).workbench.inbox()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signedIn(t.db, "hohhot.clerk", password)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "用户名或密码不正确" });
    const listed = await region.staffAccounts.list({ organisationId: "150100" });
    expect(listed.staff.find((s) => s.id === created.id)).toMatchObject({ disabled: true, openSessions: 0 });

    await region.staffAccounts.enable({ userId: created.id });
    expect((await (await signedIn(t.db, "hohhot.clerk", password)).caller.auth.me()).user?.username).toBe("hohhot.clerk");
    // An administrator cannot disable their own account.
    await expect(region.staffAccounts.disable({ userId: await idOf("region.admin") })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "不能停用自己的账号" });
  });
});
