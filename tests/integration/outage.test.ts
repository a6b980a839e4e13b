/**
 * PostgreSQL going away while the server runs: requests fail with a clear Chinese 503, nothing
 * is half-written, and service comes back by itself when the database does — no restart.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, migrate, type Db } from "@/runtime/db";
import { createTrpcNodeHandler } from "@/runtime/trpc/nodeHandler";
import { seedOrganisations } from "@/seed/organisations";
import { seedDemoAccounts } from "@/seed/demoAccounts";
import { exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { pgClusterUnavailableReason, startPgCluster, type PgCluster } from "../support/pgCluster";

const unavailable = pgClusterUnavailableReason();
const definition = exampleDefinition();
const form = { registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } };

describe.skipIf(unavailable !== null)(`a PostgreSQL outage${unavailable ? ` — skipped: ${unavailable}` : ""}`, () => {
  let cluster: PgCluster;
  let db: Db;
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    cluster = await startPgCluster({ database: "outage" });
    await migrate(cluster.url);
    db = createDb(cluster.url);
    await seedOrganisations(db);
    await seedDemoAccounts(db, TEST_DEMO_PASSWORD);
    await publishService(db, definition);
    server = http.createServer(createTrpcNodeHandler({ db }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await db?.$disconnect().catch(() => {});
    await cluster?.stop();
  });

  it("answers 503 in Chinese while the database is down, and serves again when it is back", async () => {
    const signIn = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "zhangsan", password: TEST_DEMO_PASSWORD }),
    });
    const cookies = signIn.headers.getSetCookie().map((c) => c.split(";")[0]);
    const headers = { "content-type": "application/json", cookie: cookies.join("; "), "x-csrf-token": decodeURIComponent(cookies.find((c) => c.startsWith("hrss_csrf="))!.split("=")[1]) };
    const submit = (key: string) =>
      fetch(`${base}/api/trpc/applications.submitDirect`, { method: "POST", headers, body: JSON.stringify({ code: definition.code, officeId: "150102", formData: form, idempotencyKey: key }) });

    expect((await submit("outage-before-0001")).status).toBe(200);
    cluster.pause();
    try {
      const during = await submit("outage-during-0001");
      const body = (await during.json()) as { error: { message: string; data: { code: string } } };
      expect({ status: during.status, code: body.error.data.code, message: body.error.message }).toEqual({
        status: 503,
        code: "SERVICE_UNAVAILABLE",
        message: "数据库暂时无法访问，请稍后重试",
      });
      const catalogue = await fetch(`${base}/api/trpc/catalogue.list?input=${encodeURIComponent("{}")}`);
      expect(catalogue.status).toBe(503);
    } finally {
      cluster.resume();
    }
    // Back without a restart; the refused submission was never half-written, and can be sent again.
    const after = await submit("outage-during-0001");
    expect(after.status).toBe(200);
    expect(await db.application.count({ where: { idempotencyKey: { startsWith: "outage-" } } })).toBe(2);
  }, 60_000);
});
