/**
 * 办事大厅 with its read caches on (as in production), on SQLite and PostgreSQL: a service
 * or a new version published through the designer is listed and served at once, though the
 * catalogue was read (and cached) just before; a version published by another instance
 * (written straight to the database) is listed at once too, because what is cached is kept
 * by version id. And the rendered public pages kept by the production server
 * (pageCache.ts): the same for every visitor, signed in or not (they read no session), served
 * from memory, rendered afresh after a publication.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import type { Context } from "@/runtime/trpc/context";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import example from "@/runtime/definition/example.json";
import { publishService } from "../support/fixtures";
import { createTestDb, databaseKinds, type TestDb } from "../support/testDb";

// vitest.config.ts turns the read caches off for the other tests; this one is about them.
process.env.CACHE_TTL_SCALE = "1";
const { appRouter } = await import("@/runtime/trpc/appRouter");
const { createCallerFactory } = await import("@/runtime/trpc/init");
const { cachePublicPages, markSharedPage, SHARED_PAGE_HEADER } = await import("@/runtime/features/catalogue/pageCache");
const { catalogueChanged } = await import("@/runtime/features/catalogue/changes");
const createCaller = createCallerFactory(appRouter);

function contextFor(db: Db, user: SessionUser | null): Context {
  return { db, user, session: null, sessionToken: undefined, ip: "127.0.0.1", userAgent: "vitest", presentedCsrf: undefined, origin: undefined, host: undefined, setCookie: () => {} };
}

const definition = (code: string, title: string, summary: string): ServiceDefinition => ({ ...serviceDefinition.parse(structuredClone(example)), code, title, summary });

for (const kind of databaseKinds()) {
  describe(`catalogue caches (${kind})`, () => {
    let t: TestDb;
    let db: Db;
    let admin: SessionUser;
    const anonymous = () => createCaller(contextFor(db, null));
    const asAdmin = () => createCaller(contextFor(db, admin));
    const listed = async () => (await anonymous().catalogue.list()).map((e) => [e.code, e.version, e.summary]);

    beforeAll(async () => {
      t = await createTestDb(kind);
      db = t.db;
      await db.organisation.create({ data: { id: "150000", name: "内蒙古自治区", level: "region" } });
      const user = await db.user.create({
        data: { username: "region.admin", displayName: "管理员", passwordHash: "x", kind: "staff", memberships: { create: { organisationId: "150000", role: "region_admin" } } },
      });
      admin = { id: user.id, username: user.username, displayName: user.displayName, kind: "staff", memberships: [{ organisationId: "150000", organisationName: "内蒙古自治区", organisationLevel: "region", role: "region_admin" }] };
      await publishService(db, definition("unemployment-registration", "失业登记", "第一版"));
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("lists a newly published service and a new version at once, though the hall was just read", async () => {
      expect(await listed()).toEqual([["unemployment-registration", 1, "第一版"]]);
      expect((await anonymous().catalogue.get({ code: "unemployment-registration" })).version).toBe(1);

      const created = await asAdmin().designer.createService({ code: "new-service", title: "新事项", part: "一、社会保险公共服务", category: "失业保险服务事项" });
      const blank = (await asAdmin().designer.get({ serviceId: created.serviceId })).draft!;
      const draft = await asAdmin().designer.saveDraft({ serviceId: created.serviceId, draftId: blank.id, revision: blank.revision, definition: definition("new-service", "新事项", "新事项简介") as never });
      await asAdmin().designer.publish({ serviceId: created.serviceId, draftId: draft.draftId, revision: draft.revision });
      expect(await listed()).toEqual([
        ["new-service", 1, "新事项简介"],
        ["unemployment-registration", 1, "第一版"],
      ]);

      const service = await db.service.findFirstOrThrow({ where: { code: "unemployment-registration" } });
      const second = await asAdmin().designer.saveDraft({ serviceId: service.id, draftId: null, revision: null, definition: definition("unemployment-registration", "失业登记", "第二版") as never });
      await asAdmin().designer.publish({ serviceId: service.id, draftId: second.draftId, revision: second.revision });
      expect(await listed()).toEqual([
        ["new-service", 1, "新事项简介"],
        ["unemployment-registration", 2, "第二版"],
      ]);
      const served = await anonymous().catalogue.get({ code: "unemployment-registration" });
      expect([served.version, served.definition.summary]).toEqual([2, "第二版"]);
    });

    it("lists a version published by another instance (straight into the database) at once", async () => {
      await publishService(db, definition("unemployment-registration", "失业登记", "第三版"), 3);
      expect(await listed()).toEqual([
        ["new-service", 1, "新事项简介"],
        ["unemployment-registration", 3, "第三版"],
      ]);
    });
  });
}

describe("public page cache", () => {
  let server: http.Server;
  let base: string;
  let renders = 0;
  let body = "第一版";

  beforeAll(async () => {
    const handle = cachePublicPages(async (req, res) => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (req.url === "/hall/services/missing") res.statusCode = 404;
      res.write(`<p>${body}</p>`);
      const place = /hrss_place=(\d+)/.exec(req.headers.cookie ?? "")?.[1];
      if (place) res.write(`<p>办理地 ${place}</p>`);
      res.end(`<p>${req.url}</p>`);
    });
    server = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, text: await res.text(), hit: res.headers.get("x-page-cache") === "hit" };
  };

  it("renders the hall once for concurrent anonymous visitors and serves it from memory after", async () => {
    renders = 0;
    const first = await Promise.all(Array.from({ length: 5 }, () => get("/hall")));
    expect(first.map((r) => r.text)).toEqual(Array(5).fill("<p>第一版</p><p>/hall</p>"));
    expect(renders).toBe(1);
    expect(await get("/hall")).toEqual({ status: 200, text: "<p>第一版</p><p>/hall</p>", hit: true });
    expect(renders).toBe(1);
  });

  it("serves signed-in visitors the same page (it reads no session), over HTTP and HTTPS", async () => {
    await get("/hall");
    renders = 0;
    expect(await get("/hall", { cookie: "hrss_session=abc" })).toEqual({ status: 200, text: `<p>${body}</p><p>/hall</p>`, hit: true });
    expect((await get("/hall", { cookie: "__Host-hrss_session=def; __Host-hrss_csrf=x" })).hit).toBe(true);
    expect(renders).toBe(0);
  });

  it("renders client navigations, searches and other pages every time", async () => {
    renders = 0;
    await get("/hall", { rsc: "1" });
    await get("/hall?q=失业");
    await get("/cases");
    await get("/cases");
    expect(renders).toBe(4);
  });

  it("does not keep a page that sets a cookie", async () => {
    const handle = cachePublicPages(async (_req, res) => {
      res.setHeader("set-cookie", "hrss_session=refreshed; HttpOnly");
      res.end("<p>有 Cookie</p>");
    });
    const one = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => one.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(one.address() as AddressInfo).port}/hall/services/s002`;
      await fetch(url).then((r) => r.text());
      expect((await fetch(url)).headers.get("x-page-cache")).toBeNull();
    } finally {
      await new Promise((resolve) => one.close(resolve));
    }
  });

  it("keeps the pages apart per chosen place (办理地)", async () => {
    await get("/hall");
    expect((await get("/hall")).hit).toBe(true);
    const xincheng = await get("/hall", { cookie: "hrss_place=150102" });
    expect(xincheng).toEqual({ status: 200, text: `<p>${body}</p><p>办理地 150102</p><p>/hall</p>`, hit: false });
    expect(await get("/hall", { cookie: "hrss_place=150102" })).toEqual({ ...xincheng, hit: true });
    expect((await get("/hall", { cookie: "hrss_place=150103" })).text).toBe(`<p>${body}</p><p>办理地 150103</p><p>/hall</p>`);
    expect((await get("/hall")).text).toBe(`<p>${body}</p><p>/hall</p>`);
  });

  it("does not keep error pages", async () => {
    renders = 0;
    expect((await get("/hall/services/missing")).status).toBe(404);
    expect((await get("/hall/services/missing")).hit).toBe(false);
    expect(renders).toBe(2);
  });

  it("renders afresh after a publication", async () => {
    await get("/hall/services/s001");
    expect((await get("/hall/services/s001")).hit).toBe(true);
    body = "第二版";
    catalogueChanged();
    expect(await get("/hall/services/s001")).toEqual({ status: 200, text: "<p>第二版</p><p>/hall/services/s001</p>", hit: false });
    expect((await get("/hall")).text).toBe("<p>第二版</p><p>/hall</p>");
  });
});

describe("shared pages", () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: { ...headers } }) as unknown as http.IncomingMessage;

  it("marks the hall and the guides (with or without a query) for rendering without the session, and nothing else", () => {
    for (const url of ["/hall", "/hall/", "/hall?q=失业", "/hall/services/s018", "/hall/services/s018?from=search"]) {
      const req = request(url);
      markSharedPage(req);
      expect(req.headers[SHARED_PAGE_HEADER], url).toBe("1");
    }
    for (const url of ["/hall/services/s018/apply", "/cases", "/hallway", "/workbench", "/"]) {
      const req = request(url);
      markSharedPage(req);
      expect(req.headers[SHARED_PAGE_HEADER], url).toBeUndefined();
    }
  });

  it("removes the mark a visitor sends on any other page (their own page keeps its session)", () => {
    const req = request("/cases", { [SHARED_PAGE_HEADER]: "1" });
    markSharedPage(req);
    expect(req.headers[SHARED_PAGE_HEADER]).toBeUndefined();
  });
});
