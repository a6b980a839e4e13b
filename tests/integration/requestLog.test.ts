import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { mutation, setCookies, startHttpServer, type TestServer } from "../support/httpServer";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { closeDb } from "@/runtime/db";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "@/runtime/auth/cookies";
import { createLogger } from "@/runtime/ops/log";

/** Log lines written to memory, parsed. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  let raw = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw += String(chunk);
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines, raw: () => raw };
}

describeOnDatabases("structured request logs", (kind) => {
  let t: TestDb;
  let server: TestServer;
  const memory = memoryLogger();
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    process.env.DATABASE_URL = t.url;
    server = await startHttpServer({ logger: memory.logger });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await closeDb();
    delete process.env.DATABASE_URL;
    await t?.cleanup();
  });

  it("one JSON line per request with its id, the signed-in user, the path without its query, and no personal data", async () => {
    const signIn = await mutation(server, "auth.signIn", { username: "zhangsan", password: TEST_DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const cookies = setCookies(signIn);
    const csrf = cookies.get(CSRF_COOKIE)!.value;
    const cookie = `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)!.value}; ${CSRF_COOKIE}=${csrf}`;
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });

    // A query whose input (in the URL) carries the applicant's ID number, with an id from the proxy in front.
    const input = encodeURIComponent(JSON.stringify({ id: `missing-${user.idNumber}` }));
    const read = await fetch(`${server.base}/api/trpc/applications.get?input=${input}`, { headers: { cookie, "x-request-id": "proxy-req-0001" } });
    expect(read.status).toBe(404);
    expect(read.headers.get("x-request-id")).toBe("proxy-req-0001");
    // Bad input naming an ID number in a field: answered, logged without it.
    const bad = await mutation(server, "applications.startDraft", { code: user.idNumber, officeId: "150102" }, { cookie, [CSRF_HEADER]: csrf });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const generated = bad.headers.get("x-request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = memory.lines.filter((l) => l.msg === "request");
    expect(requests.find((l) => l.requestId === "proxy-req-0001")).toMatchObject({
      level: "info",
      userId: user.id,
      method: "GET",
      path: "/api/trpc/applications.get",
      status: 404,
    });
    expect(requests.find((l) => l.requestId === generated)).toMatchObject({ userId: user.id, method: "POST", status: bad.status });
    expect(requests.find((l) => l.path === "/api/trpc/auth.signIn")).not.toHaveProperty("userId");
    expect(memory.raw()).not.toContain(user.idNumber!);
    expect(memory.raw()).not.toContain(TEST_DEMO_PASSWORD);
  });

  it("lines logged while a request is served carry its id and user, with ID numbers masked", async () => {
    const logged = memoryLogger();
    const { requestContext } = await import("@/runtime/ops/log");
    requestContext.run({ requestId: "r-0000001", userId: "u1" }, () => logged.logger.error({ err: new Error("身份证号 150102199003071237 校验失败") }, "提交失败：150102199003071237"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.lines[0]).toMatchObject({ level: "error", requestId: "r-0000001", userId: "u1", msg: "提交失败：150102********1237" });
    expect((logged.lines[0].err as { message: string }).message).toBe("身份证号 150102********1237 校验失败");
    expect(logged.raw()).not.toContain("150102199003071237");
  });
});
