/**
 * The designer's server side on SQLite and PostgreSQL: drafts with optimistic concurrency (two
 * administrators, one draft), publishing behind the lint into immutable numbered versions that
 * the catalogue serves while running cases keep theirs, restore, create/copy, and ownership.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { appRouter } from "@/runtime/trpc/appRouter";
import { createCallerFactory } from "@/runtime/trpc/init";
import type { Context } from "@/runtime/trpc/context";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import example from "@/runtime/definition/example.json";
import { createTestDb, describeOnDatabases, type TestDb } from "../support/testDb";

const createCaller = createCallerFactory(appRouter);

function contextFor(db: Db, user: SessionUser | null): Context {
  return {
    db,
    user,
    session: null,
    sessionToken: undefined,
    ip: "127.0.0.1",
    userAgent: "vitest",
    presentedCsrf: undefined,
    origin: undefined,
    host: undefined,
    setCookie: () => {},
  };
}

async function staff(db: Db, username: string, organisationId: string, role: "region_admin" | "office_admin" | "caseworker"): Promise<SessionUser> {
  const user = await db.user.create({
    data: { username, displayName: username, passwordHash: "x", kind: "staff", memberships: { create: { organisationId, role } } },
  });
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  return {
    id: user.id,
    username,
    displayName: username,
    kind: "staff",
    memberships: [{ organisationId, organisationName: organisation.name, organisationLevel: organisation.level as "region", role }],
  };
}

const v1Definition = (): ServiceDefinition => ({ ...serviceDefinition.parse(structuredClone(example)), code: "unemployment-registration" });

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describeOnDatabases("designer", (kind) => {
  let t: TestDb;
  let db: Db;
  let alice: SessionUser;
  let bob: SessionUser;
  let office: SessionUser;
  let serviceId: string;
  let v1Id: string;
  const as = (user: SessionUser) => createCaller(contextFor(db, user));

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    await db.organisation.createMany({
      data: [
        { id: "150000", name: "内蒙古自治区", level: "region" },
        { id: "150100", name: "呼和浩特市", level: "league", parentId: "150000" },
      ],
    });
    alice = await staff(db, "alice.admin", "150000", "region_admin");
    bob = await staff(db, "bob.admin", "150000", "region_admin");
    office = await staff(db, "hohhot.admin", "150100", "office_admin");
    const def = v1Definition();
    const service = await db.service.create({
      data: {
        code: def.code,
        ownerOrgId: "150000",
        title: def.title,
        part: def.group.part,
        category: def.group.category,
        versions: { create: { number: 1, status: "published", definition: def as never, publishedAt: new Date() } },
      },
      include: { versions: true },
    });
    serviceId = service.id;
    v1Id = service.versions[0].id;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("the list shows the service as published v1 with its group, and filters by status", async () => {
    const rows = await as(alice).designer.list();
    expect(rows).toEqual([expect.objectContaining({ id: serviceId, publishedVersion: 1, hasDraft: false, category: "失业保险服务事项" })]);
    expect(await as(alice).designer.list({ status: "draft" })).toEqual([]);
    expect(await as(alice).designer.groups()).toEqual([{ part: "一、社会保险公共服务", categories: ["失业保险服务事项"] }]);
  });

  it("two administrators editing the same draft: the second save, based on a stale revision, is refused", async () => {
    const opened = await as(alice).designer.get({ serviceId });
    expect(opened.draft).toBeNull();
    const edited = { ...opened.published!.definition, summary: "Alice 的修改" };
    const created = await as(alice).designer.saveDraft({ serviceId, draftId: null, revision: null, definition: edited });
    expect(created.revision).toBe(1);

    // Bob opens the same draft at revision 1.
    const bobView = await as(bob).designer.get({ serviceId });
    expect(bobView.draft).toMatchObject({ id: created.draftId, revision: 1, updatedBy: "alice.admin" });

    const aliceAgain = await as(alice).designer.saveDraft({ serviceId, draftId: created.draftId, revision: 1, definition: { ...edited, summary: "Alice 第二次修改" } });
    expect(aliceAgain.revision).toBe(2);

    const refused = await errorOf(
      as(bob).designer.saveDraft({ serviceId, draftId: created.draftId, revision: 1, definition: { ...edited, summary: "Bob 的修改" } }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("保存失败：alice.admin已修改了这份草稿（当前修订 2，您的修改基于修订 1）。您的修改没有覆盖他人的内容，请重新加载后比较差异。");
    const after = await as(bob).designer.get({ serviceId });
    expect(after.draft).toMatchObject({ revision: 2, definition: expect.objectContaining({ summary: "Alice 第二次修改" }) });

    // Bob reloads, and his save based on the current revision goes through.
    const bobSaved = await as(bob).designer.saveDraft({ serviceId, draftId: created.draftId, revision: 2, definition: { ...edited, summary: "Bob 的修改" } });
    expect(bobSaved.revision).toBe(3);
  });

  it("starting a second draft while one exists is refused, also when both start at once", async () => {
    const current = await as(alice).designer.get({ serviceId });
    const refused = await errorOf(as(bob).designer.saveDraft({ serviceId, draftId: null, revision: null, definition: current.published!.definition }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("已经新建了草稿");

    const other = await as(alice).designer.createService({ code: "race-service", title: "并发测试", part: "测试", category: "测试" });
    // a fresh service has its draft already; drop it to race two first saves
    await db.serviceVersion.delete({ where: { id: other.draftId } });
    const results = await Promise.allSettled([
      as(alice).designer.saveDraft({ serviceId: other.serviceId, draftId: null, revision: null, definition: { title: "A" } }),
      as(bob).designer.saveDraft({ serviceId: other.serviceId, draftId: null, revision: null, definition: { title: "B" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.serviceVersion.count({ where: { serviceId: other.serviceId, status: "draft" } })).toBe(1);
  });

  it("publishing is refused while the lint finds problems (server side)", async () => {
    const state = await as(alice).designer.get({ serviceId });
    const broken = structuredClone(state.draft!.definition) as ServiceDefinition;
    broken.flow.edges = broken.flow.edges.filter((e) => e.id !== "e7");
    const saved = await as(alice).designer.saveDraft({ serviceId, draftId: state.draft!.id, revision: state.draft!.revision, definition: broken as never });
    const refused = await errorOf(as(alice).designer.publish({ serviceId, draftId: saved.draftId, revision: saved.revision }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("不能发布");
    expect(await db.serviceVersion.count({ where: { serviceId, status: "published" } })).toBe(1);
  });

  it("publishing is refused when a promise for every channel is longer than one channel's legal limit", async () => {
    const state = await as(alice).designer.get({ serviceId });
    const definition = v1Definition();
    definition.guide.legalLimit = [
      { text: "窗口办理20个工作日", days: 20, unit: "workday", channel: "窗口" },
      { text: "网上办理10个工作日", days: 10, unit: "workday", channel: "网上" },
    ];
    definition.guide.promisedLimit = [{ text: "15个工作日", days: 15, unit: "workday" }];
    const saved = await as(alice).designer.saveDraft({ serviceId, draftId: state.draft!.id, revision: state.draft!.revision, definition: definition as never });
    const refused = await errorOf(as(alice).designer.publish({ serviceId, draftId: saved.draftId, revision: saved.revision }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("长于法定办结时限“10 个工作日”（网上）");
    expect(await db.serviceVersion.count({ where: { serviceId, status: "published" } })).toBe(1);
  });

  it("publishing makes version 2, served by the catalogue, while a case under version 1 keeps version 1", async () => {
    const applicant = await db.user.create({ data: { username: "applicant", displayName: "张三", passwordHash: "x", kind: "person" } });
    const pinned = await db.application.create({
      data: { serviceId, serviceVersionId: v1Id, officeId: "150000", applicantId: applicant.id, status: "in_progress", formData: {} },
    });

    const state = await as(alice).designer.get({ serviceId });
    const fixed = { ...v1Definition(), title: "失业登记（第二版）", summary: "第二版" };
    const saved = await as(alice).designer.saveDraft({ serviceId, draftId: state.draft!.id, revision: state.draft!.revision, definition: fixed as never });
    // publishing from a stale revision is refused too
    expect((await errorOf(as(alice).designer.publish({ serviceId, draftId: saved.draftId, revision: saved.revision - 1 }))).code).toBe("CONFLICT");
    const published = await as(alice).designer.publish({ serviceId, draftId: saved.draftId, revision: saved.revision });
    expect(published.number).toBe(2);

    const served = await createCaller(contextFor(db, null)).catalogue.get({ code: "unemployment-registration" });
    expect(served).toMatchObject({ version: 2, versionId: published.versionId, definition: expect.objectContaining({ summary: "第二版" }) });
    expect((await db.service.findUniqueOrThrow({ where: { id: serviceId } })).title).toBe("失业登记（第二版）");

    const caseNow = await db.application.findUniqueOrThrow({ where: { id: pinned.id }, include: { serviceVersion: true } });
    expect(caseNow.serviceVersion).toMatchObject({ id: v1Id, number: 1, status: "published" });
    expect((caseNow.serviceVersion.definition as ServiceDefinition).summary).toBe(v1Definition().summary);

    // A published version is immutable: saving "into" it is refused.
    const refused = await errorOf(as(alice).designer.saveDraft({ serviceId, draftId: published.versionId, revision: saved.revision + 1, definition: fixed as never }));
    expect(refused.code).toBe("CONFLICT");

    const versions = await as(alice).designer.versions({ serviceId });
    expect(versions.map((v) => [v.number, v.status, v.cases])).toEqual([
      [2, "published", 0],
      [1, "published", 1],
    ]);
    const events = await db.auditEvent.findMany({ where: { action: "version.publish" } });
    expect(events).toEqual([expect.objectContaining({ entityId: published.versionId, organisationId: "150000", actorId: alice.id })]);
  });

  it("compares two versions and restores an old one as a new draft", async () => {
    const versions = await as(alice).designer.versions({ serviceId });
    const [v2, v1] = versions;
    const comparison = await as(alice).designer.compare({ serviceId, beforeId: v1.id, afterId: v2.id });
    expect(comparison.diff.entries).toContainEqual(expect.objectContaining({ area: "basic", attribute: "事项名称", before: "失业登记", after: "失业登记（第二版）" }));

    const restored = await as(alice).designer.restore({ serviceId, versionId: v1.id, draftId: null, revision: null });
    const state = await as(alice).designer.get({ serviceId });
    expect(state.draft).toMatchObject({ id: restored.draftId, revision: 1 });
    expect(state.draft!.definition).toEqual(JSON.parse(JSON.stringify(v1Definition())));
    expect(state.published!.number).toBe(2);
  });

  it("creates a blank service (which passes the lint) and a copy of another; codes are unique per owner", async () => {
    const blank = await as(alice).designer.createService({ code: "new-service", title: "新事项", part: "二、就业服务", category: "就业登记" });
    const blankState = await as(alice).designer.get({ serviceId: blank.serviceId });
    expect(blankState.draft!.definition).toMatchObject({ code: "new-service", title: "新事项", group: { part: "二、就业服务", category: "就业登记" } });
    const published = await as(alice).designer.publish({ serviceId: blank.serviceId, draftId: blank.draftId, revision: 1 });
    expect(published.number).toBe(1);

    const copy = await as(alice).designer.createService({ code: "copied", title: "复制的事项", part: "p", category: "c", copyFromServiceId: serviceId });
    const copyState = await as(alice).designer.get({ serviceId: copy.serviceId });
    expect(copyState.draft!.definition).toMatchObject({ code: "copied", title: "复制的事项", flow: v1Definition().flow });

    const duplicate = await errorOf(as(bob).designer.createService({ code: "copied", title: "x", part: "p", category: "c" }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toBe("事项编码“copied”已被使用，请换一个编码");
  });

  it("office administrators neither see nor change the region's services", async () => {
    expect(await as(office).designer.list()).toEqual([]);
    expect((await errorOf(as(office).designer.get({ serviceId }))).code).toBe("NOT_FOUND");
    const state = await as(alice).designer.get({ serviceId });
    const refused = await errorOf(as(office).designer.saveDraft({ serviceId, draftId: state.draft!.id, revision: state.draft!.revision, definition: {} }));
    expect(refused.code).toBe("NOT_FOUND");
    expect((await errorOf(as(office).designer.createService({ code: "x-1", title: "x", part: "p", category: "c", ownerOrgId: "150000" }))).code).toBe("FORBIDDEN");
    // … and create their own, which they administer (a future local variant fits the same rule).
    const own = await as(office).designer.createService({ code: "local-service", title: "本地事项", part: "p", category: "c" });
    expect(own.ownerOrgId).toBe("150100");
    expect(await as(office).designer.list()).toEqual([expect.objectContaining({ id: own.serviceId, ownerOrgName: "呼和浩特市" })]);
    // The region's administrator reads every office's services, read-only (issue 8, item 8).
    const read = await as(alice).designer.get({ serviceId: own.serviceId });
    expect(read.access).toBe("read");
    const refusedAbove = await errorOf(as(alice).designer.saveDraft({ serviceId: own.serviceId, draftId: read.draft!.id, revision: read.draft!.revision, definition: read.draft!.definition }));
    expect(refusedAbove.code).toBe("FORBIDDEN");
  });

  it("serves the source lines the definition came from", async () => {
    const source = await as(alice).designer.source({ serviceId });
    expect(source).toMatchObject({ document: "000_f296b97e2ab141b6.txt", first: 14347, last: 14420 });
    expect(source!.lines).toHaveLength(14420 - 14347 + 1);
  });
  it("the list's filter offers the document's parts in its order (一、二、三, not by character code)", async () => {
    for (const [code, part] of [["s140", "三、其他公共服务事项"], ["s120", "二、公共就业创业服务"]] as const) {
      await db.service.create({ data: { code, ownerOrgId: "150000", title: code, part, category: "就业服务事项" } });
    }
    const parts = (await as(alice).designer.groups()).map((group) => group.part);
    const numerals = parts.map((part) => "一二三".indexOf(part[0])).map((n) => (n < 0 ? 9 : n)); // parts without a numeral last
    expect(parts).toEqual(expect.arrayContaining(["一、社会保险公共服务", "二、公共就业创业服务", "三、其他公共服务事项"]));
    expect(numerals).toEqual([...numerals].sort((a, b) => a - b));
  });
});
