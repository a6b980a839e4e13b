/**
 * The lean single-call path answers exactly as tRPC's standalone adapter does: same status,
 * same body, same cookies — for successes and for every kind of error.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcNodeHandler } from "@/runtime/trpc/nodeHandler";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";

const definition = exampleDefinition();

function serve(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

interface Answer {
  status: number;
  body: unknown;
  cookies: string[];
  contentType: string | null;
  cacheControl: string | null;
  nosniff: string | null;
}

async function post(base: string, path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : null,
    cookies: res.headers.getSetCookie().map((c) => c.split("=")[0]),
    contentType: res.headers.get("content-type"),
    cacheControl: res.headers.get("cache-control"),
    nosniff: res.headers.get("x-content-type-options"),
  };
}

describe.each(databaseKinds())("the single-call path on %s", (kind) => {
  let t: TestDb;
  let lean: Awaited<ReturnType<typeof serve>>;
  let standard: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    lean = await serve(createTrpcNodeHandler({ db: t.db }));
    standard = await serve(createTrpcNodeHandler({ db: t.db, singleCalls: false }));
  }, 120_000);
  afterAll(async () => {
    await lean?.close();
    await standard?.close();
    await t?.cleanup();
  });

  async function both(path: string, body: string | undefined, headers: Record<string, string> = {}) {
    return { lean: await post(lean.base, path, body, headers), standard: await post(standard.base, path, body, headers) };
  }

  async function session(): Promise<Record<string, string>> {
    const res = await fetch(`${lean.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "zhangsan", password: TEST_DEMO_PASSWORD }),
    });
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    const csrf = cookies.find((c) => c.startsWith("hrss_csrf="))!.split("=")[1];
    return { cookie: cookies.join("; "), "x-csrf-token": decodeURIComponent(csrf) };
  }

  it("answers errors identically: wrong password, bad input, missing CSRF token, malformed JSON, no body", async () => {
    const cases: [string, string | undefined, Record<string, string>?][] = [
      ["auth.signIn", JSON.stringify({ username: "zhangsan", password: "wrong" })],
      ["auth.signIn", JSON.stringify({ username: "", password: 1 })],
      ["auth.signIn", "{not json"],
      ["auth.signIn", undefined],
      ["applications.submitDirect", JSON.stringify({ code: definition.code, officeId: "150102", formData: {}, idempotencyKey: "short" })],
    ];
    const signedIn = await session();
    cases.push(["applications.submitDirect", JSON.stringify({ code: definition.code, officeId: "150102", formData: {}, idempotencyKey: "no-csrf-0001" }), { cookie: signedIn.cookie }]);
    cases.push(["applications.submitDirect", JSON.stringify({ code: definition.code, officeId: "150102", formData: {}, idempotencyKey: "bad-form-0001" }), signedIn]);
    const statuses: number[] = [];
    for (const [path, body, headers] of cases) {
      const answers = await both(path, body, headers);
      expect(answers.lean, `${path} ${body}`).toEqual(answers.standard);
      statuses.push(answers.lean.status);
    }
    expect(statuses).toEqual([401, 400, 400, 400, 401, 403, 400]);
  });

  it("answers a success identically, with its cookies", async () => {
    const body = JSON.stringify({ username: "zhangsan", password: TEST_DEMO_PASSWORD });
    const answers = await both("auth.signIn", body);
    expect(answers.lean.status).toBe(200);
    expect(answers.lean).toEqual(answers.standard);
    expect(answers.lean.cookies).toEqual(["hrss_session", "hrss_csrf"]);
    // Personal data: never cached, never sniffed — on both paths.
    expect(answers.lean).toMatchObject({ cacheControl: "no-store", nosniff: "nosniff" });

    const headers = await session();
    const form = { registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } };
    const submit = (key: string, base: string) =>
      post(base, "applications.submitDirect", JSON.stringify({ code: definition.code, officeId: "150102", formData: form, idempotencyKey: key }), headers);
    const viaLean = await submit("single-call-0001", lean.base);
    const viaStandard = await submit("single-call-0002", standard.base);
    expect(viaLean.status).toBe(200);
    expect(Object.keys((viaLean.body as { result: { data: object } }).result.data)).toEqual(Object.keys((viaStandard.body as { result: { data: object } }).result.data));
    // The same key again answers with the same case through either path.
    expect((await submit("single-call-0001", standard.base)).body).toEqual(viaLean.body);
  });

  it("leaves batches and queries to the standard adapter", async () => {
    const res = await fetch(`${lean.base}/api/trpc/auth.me,auth.me?batch=1&input=${encodeURIComponent("{}")}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(2);
  });
});
