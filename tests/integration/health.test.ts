/** /healthz and /readyz as a load balancer sees them. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/runtime/db";
import { createHealthHandler } from "@/runtime/http/health";
import { describeOnDatabases, createTestDb, type TestDb } from "../support/testDb";
import { freePort } from "../support/pgCluster";

async function get(handler: http.RequestListener, path: string) {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { status: res.status, body: (await res.json()) as { status: string; message?: string } };
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describeOnDatabases("health endpoints", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("is alive at once, ready only after start-up and while the database answers", async () => {
    let started = false;
    const handler = createHealthHandler({ db: () => t.db, started: () => started });
    const listener: http.RequestListener = (req, res) => void handler(req, res);
    expect(await get(listener, "/healthz")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get(listener, "/readyz")).toMatchObject({ status: 503, body: { status: "starting" } });
    started = true;
    expect(await get(listener, "/readyz")).toEqual({ status: 200, body: { status: "ready" } });
  });

  // An embedded SQLite file that the process has opened cannot go away like a database server.
  it.skipIf(kind === "sqlite")("is not ready while its database server cannot be reached (PostgreSQL only)", async () => {
    const port = await freePort();
    const unreachable: Db = createDb(`postgresql://nobody@127.0.0.1:${port}/none`);
    const handler = createHealthHandler({ db: () => unreachable, started: () => true, timeoutMs: 3_000 });
    const answer = await get((req, res) => void handler(req, res), "/readyz");
    expect(answer).toMatchObject({ status: 503, body: { status: "unavailable", message: "数据库暂时无法访问" } });
    await unreachable.$disconnect().catch(() => {});
  });
});
