/**
 * Issue 9, item 3: sessions follow the account. A disabled user's open session is refused at its
 * next request; a session ends at its absolute lifetime however busy; a sign-in can end the
 * user's other sessions; and with two app instances over one database (each with its read caches
 * on, as in production), a session ended through one is refused by the other at once.
 */
// vitest.config.ts turns the read caches off; production has them on, and they are the point here.
import "../support/cachesOn";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { sessionHeaders, startTrpcServer, type TrpcServer } from "../support/trpcServer";
import { createDb, type Db } from "@/runtime/db";
import { digest } from "@/runtime/auth/tokens";
import { SESSION_MAX_MS } from "@/runtime/auth/session";

describeOnDatabases("sessions follow the account", (kind) => {
  let t: TestDb;
  let otherDb: Db;
  let a: TrpcServer;
  let b: TrpcServer;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    otherDb = createDb(t.url, { poolSize: 3 });
    a = await startTrpcServer(t.db);
    b = await startTrpcServer(otherDb);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await otherDb?.$disconnect();
    await t?.cleanup();
  });

  const signIn = async (server: TrpcServer, username: string, extra: Record<string, unknown> = {}) => {
    const response = await server.post("auth.signIn", { username, password: TEST_DEMO_PASSWORD, ...extra });
    expect(response.status).toBe(200);
    return sessionHeaders(response);
  };
  const whoAmI = async (server: TrpcServer, headers: Record<string, string>) =>
    ((await (await server.get("auth.me", headers)).json()) as { result: { data: { user: { username: string } | null } } }).result.data.user?.username ?? null;
  const sessionId = (headers: Record<string, string>) => {
    const token = decodeURIComponent(/hrss_session=([^;]+)/.exec(headers.cookie)![1]);
    return digest(token);
  };

  it("refuses a disabled user's open session at its next request, on every instance", async () => {
    const headers = await signIn(a, "hohhot.caseworker");
    expect(await whoAmI(a, headers)).toBe("hohhot.caseworker");
    expect(await whoAmI(b, headers)).toBe("hohhot.caseworker");
    await t.db.user.update({ where: { username: "hohhot.caseworker" }, data: { disabledAt: new Date() } });
    expect(await whoAmI(a, headers)).toBeNull();
    expect(await whoAmI(b, headers)).toBeNull();
    const inbox = await b.get("workbench.inbox", headers);
    expect(inbox.status).toBe(401);
    await t.db.user.update({ where: { username: "hohhot.caseworker" }, data: { disabledAt: null } });
  });

  it("ends a session at its absolute lifetime even while it is in use", async () => {
    const headers = await signIn(a, "region.caseworker");
    const id = sessionId(headers);
    // Used a minute ago and kept alive by the sliding lifetime, but signed in longer ago than allowed.
    const now = Date.now();
    await t.db.session.update({
      where: { id },
      data: { createdAt: new Date(now - SESSION_MAX_MS - 60_000), lastSeenAt: new Date(now - 60_000), expiresAt: new Date(now + 3_600_000) },
    });
    expect(await whoAmI(b, headers)).toBeNull();
    expect(await t.db.session.count({ where: { id } })).toBe(0);
  });

  it("honours a sign-out through one instance on the other at once", async () => {
    const headers = await signIn(a, "xincheng.caseworker");
    expect(await whoAmI(b, headers)).toBe("xincheng.caseworker");
    expect((await a.post("auth.signOut", null, headers)).status).toBe(200);
    expect(await whoAmI(b, headers)).toBeNull();
  });

  it("ends the user's other sessions when a sign-in asks, on every instance", async () => {
    const laptop = await signIn(a, "xincheng.reviewer");
    const phone = await signIn(b, "xincheng.reviewer");
    expect(await whoAmI(b, laptop)).toBe("xincheng.reviewer");
    expect(await whoAmI(a, phone)).toBe("xincheng.reviewer");
    const desk = await signIn(a, "xincheng.reviewer", { signOutOthers: true });
    expect(await whoAmI(b, laptop)).toBeNull();
    expect(await whoAmI(b, phone)).toBeNull();
    expect(await whoAmI(b, desk)).toBe("xincheng.reviewer");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "xincheng.reviewer" } });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    const event = await t.db.auditEvent.findFirst({ where: { action: "signIn", actorId: user.id }, orderBy: { id: "desc" } });
    expect(event?.payload).toEqual({ endedOtherSessions: 2 });
  });
});
