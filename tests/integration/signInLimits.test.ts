/**
 * Issue 9, item 2: sign-in limits that hold. Each attack as it was found, over HTTP where it was:
 * a batch of 40 sign-ins (39 guesses, then the password); a burst of parallel guesses; five
 * failures by a stranger locking the real user out; and a forged left-most X-Forwarded-For hop
 * giving every guess a fresh address.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { callerFor, newBrowser } from "../support/caller";
import { startTrpcServer, type TrpcServer } from "../support/trpcServer";
import { SIGN_IN_RULES } from "@/runtime/auth/rateLimit";
import { clientIp } from "@/runtime/http/clientAddress";

describeOnDatabases("sign-in limits", (kind) => {
  let t: TestDb;
  let server: TrpcServer;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    server = await startTrpcServer(t.db);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  const userId = async (username: string) => (await t.db.user.findUniqueOrThrow({ where: { username } })).id;

  it("refuses a batch of 40 sign-ins (39 guesses and the password) without opening a session or checking a password", async () => {
    const guesses = Array.from({ length: 39 }, (_, i) => ({ username: "region.reviewer", password: `guess-${i}` }));
    const calls = [...guesses, { username: "region.reviewer", password: TEST_DEMO_PASSWORD }];
    const body = Object.fromEntries(calls.map((input, i) => [String(i), input]));
    const batch = await server.post(`${calls.map(() => "auth.signIn").join(",")}?batch=1`, body);
    expect(batch.status).toBe(400);
    expect(batch.headers.getSetCookie()).toEqual([]);
    // Even two, or one, sign-ins in a batch are refused: one password check per request.
    const two = await server.post("auth.signIn,auth.signIn?batch=1", { 0: guesses[0], 1: calls[39] });
    const answers = (await two.json()) as { error?: { message: string } }[];
    expect(answers.map((a) => a.error?.message)).toEqual(["此操作不能与其他请求合并发送，请单独提交", "此操作不能与其他请求合并发送，请单独提交"]);
    const one = await server.post("auth.signIn?batch=1", { 0: calls[39] });
    expect(one.headers.getSetCookie()).toEqual([]);
    expect(await t.db.session.count({ where: { userId: await userId("region.reviewer") } })).toBe(0);
    expect(await t.db.loginAttempt.count({ where: { username: "region.reviewer" } })).toBe(0);
    // Batches of queries still work, up to the cap.
    const queries = await server.get(`${Array.from({ length: 10 }, () => "auth.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(queries.status).toBe(200);
    const tooMany = await server.get(`${Array.from({ length: 11 }, () => "auth.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(tooMany.status).toBe(400);
  });

  it("counts a burst of parallel guesses before letting any more through: the password after it waits", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 39 }, (_, i) => server.post("auth.signIn", { username: "hohhot.reviewer", password: `guess-${i}` })),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_RULES.pair.free);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(39 - SIGN_IN_RULES.pair.free);
    expect(await t.db.loginAttempt.count({ where: { username: "hohhot.reviewer", success: false } })).toBeLessThanOrEqual(SIGN_IN_RULES.pair.free);
    const right = await server.post("auth.signIn", { username: "hohhot.reviewer", password: TEST_DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(((await right.json()) as { error: { message: string } }).error.message).toMatch(/^登录失败次数过多，请 \d+ (秒|分钟)后再试$/);
    expect(await t.db.session.count({ where: { userId: await userId("hohhot.reviewer") } })).toBe(0);
    // Failed sign-ins stay in the audit trail, refused ones too.
    const failed = await t.db.auditEvent.findMany({ where: { action: "signInFailed", entityId: await userId("hohhot.reviewer") } });
    expect(failed.length).toBe(40);
  });

  it("does not lock the real user out when a stranger fails again and again from elsewhere", async () => {
    const stranger = await callerFor(t.db, newBrowser("198.51.100.66"));
    for (let i = 0; i < 20; i++) {
      await expect(stranger.auth.signIn({ username: "xincheng.reviewer", password: `guess-${i}` })).rejects.toMatchObject({
        code: i < SIGN_IN_RULES.pair.free ? "UNAUTHORIZED" : "TOO_MANY_REQUESTS",
      });
    }
    const owner = await callerFor(t.db, newBrowser("192.0.2.10"));
    const signedIn = await owner.auth.signIn({ username: "xincheng.reviewer", password: TEST_DEMO_PASSWORD });
    expect(signedIn.user.username).toBe("xincheng.reviewer");
    // The stranger's own delay doubles with each counted failure and is still on.
    await expect(stranger.auth.signIn({ username: "xincheng.reviewer", password: TEST_DEMO_PASSWORD })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("takes the right-most X-Forwarded-For hop behind a trusted proxy, so a forged left-most hop buys no fresh address", async () => {
    process.env.TRUST_PROXY = "1";
    const spray = (i: number) =>
      server.post("auth.signIn", { username: `nobody-${i}`, password: "guess" }, { "x-forwarded-for": `10.${i}.0.1, 203.0.113.7` });
    for (let i = 0; i < SIGN_IN_RULES.address.free; i++) expect((await spray(i)).status).toBe(401);
    const next = await spray(99);
    expect(next.status).toBe(429);
    const recorded = await t.db.loginAttempt.findMany({ where: { username: { startsWith: "nobody-" } }, select: { ip: true } });
    expect(new Set(recorded.map((r) => r.ip))).toEqual(new Set(["203.0.113.7"]));
  });

  it("counts trusted proxies from the right", () => {
    const req = (xff: string | undefined) => ({ headers: { "x-forwarded-for": xff }, socket: { remoteAddress: "10.0.0.1" } }) as never;
    expect(clientIp(req("6.6.6.6, 198.51.100.2"))).toBe("10.0.0.1");
    process.env.TRUST_PROXY = "1";
    expect(clientIp(req("6.6.6.6, 198.51.100.2"))).toBe("198.51.100.2");
    expect(clientIp(req(undefined))).toBe("10.0.0.1");
    process.env.TRUST_PROXY = "2";
    expect(clientIp(req("6.6.6.6, 198.51.100.2, 10.0.0.9"))).toBe("198.51.100.2");
  });
});
