/**
 * Local variants authored through the designer (issue 8, items 1–3 and 8), on SQLite and
 * PostgreSQL: 新城区 (150102) customises a region template, saves an extra material and a
 * shorter promised limit, publishes (the version keeps overlay, effective definition and base);
 * the region's rules refuse a longer limit, a removed locked material and a required material
 * made optional; the browser cannot forge identity or lift locks; who may read and who may edit.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "@/runtime/auth/cookies";
import { hashPassword } from "@/runtime/auth/password";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { defaultLocks, variantOverlay } from "@/runtime/definition/variant";
import { createSeededTestDb, exampleDefinition, publishService } from "../support/fixtures";
import { signedIn } from "../support/caller";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { mutation, serveTestDb, setCookies, type TestServer } from "../support/httpServer";
import { describeOnDatabases, type TestDb } from "../support/testDb";

type Caller = Awaited<ReturnType<typeof signedIn>>["caller"];

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const localMaterial = { id: "mLocal", name: "社区出具的居住证明", source: "社区", kind: "原件", copies: 1, medium: "纸质", required: true, keepPaper: true, obtainableBySharing: false, scenario: null, formId: null };

describeOnDatabases("local variants in the designer", (kind) => {
  let t: TestDb;
  let template: { serviceId: string; versionId: string };
  let xincheng: Caller;
  let hohhot: Caller;
  let region: Caller;
  let huimin: Caller;
  let variantId: string;

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    const def = exampleDefinition();
    template = await publishService(t.db, { ...def, locks: defaultLocks(def) });
    // An administrator of 回民区 (150103), another banner of 呼和浩特市.
    await t.db.user.create({
      data: { username: "huimin.admin", displayName: "回民区管理员", kind: "staff", passwordHash: await hashPassword(TEST_DEMO_PASSWORD), memberships: { create: { organisationId: "150103", role: "office_admin" } } },
    });
    [xincheng, hohhot, region, huimin] = await Promise.all(["xincheng.admin", "hohhot.admin", "region.admin", "huimin.admin"].map(async (u) => (await signedIn(t.db, u)).caller));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("定制本地版本: a variant of the region's template owned by 新城区, with the parent's code, a draft on its published version", async () => {
    const offered = await xincheng.variants.customisable({ search: exampleDefinition().code });
    expect(offered).toEqual([expect.objectContaining({ code: exampleDefinition().code, officeId: "150102", mine: null, bases: [expect.objectContaining({ serviceId: template.serviceId, level: "region" })] })]);
    const created = await xincheng.variants.create({ parentServiceId: template.serviceId });
    variantId = created.serviceId;
    const service = await t.db.service.findUniqueOrThrow({ where: { id: variantId } });
    expect(service).toMatchObject({ ownerOrgId: "150102", parentServiceId: template.serviceId, code: exampleDefinition().code });
    const draft = await t.db.serviceVersion.findUniqueOrThrow({ where: { id: created.draftId } });
    expect(draft).toMatchObject({ status: "draft", baseVersionId: template.versionId });
    expect(variantOverlay.parse(draft.overlay)).toEqual({ schemaVersion: 1, set: {}, removed: [], addLocks: [], order: [] });
    expect((draft.definition as ServiceDefinition).materials).toEqual(exampleDefinition().materials);
    const audit = await t.db.auditEvent.findFirst({ where: { action: "variant.create", entityId: variantId } });
    expect(audit).not.toBeNull();

    // A second attempt says so in Chinese; the list offers to open the existing one.
    const again = await errorOf(xincheng.variants.create({ parentServiceId: template.serviceId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toContain("已经有这个事项的本地版本");
    expect((await xincheng.variants.customisable({ search: exampleDefinition().code }))[0].mine).toEqual({ serviceId: variantId, isVariant: true });
    // The region's administrator has templates, not variants.
    expect((await errorOf(region.variants.create({ parentServiceId: template.serviceId }))).code).toBe("FORBIDDEN");
  });

  it("saves an extra material and a shorter limit as an overlay, publishes overlay + effective + base", async () => {
    const opened = await xincheng.designer.get({ serviceId: variantId });
    expect(opened.access).toBe("edit");
    expect(opened.variant).toMatchObject({ parentServiceId: template.serviceId, baseVersionId: template.versionId, baseNumber: 1 });
    const edited = structuredClone(opened.draft!.definition) as ServiceDefinition;
    edited.materials.push(localMaterial as never);
    edited.guide.promisedLimit[0] = { text: "线上 2 个工作日", days: 2, unit: "workday", channel: "线上" };
    // What the browser cannot change: identity and the parent's locks.
    edited.title = "伪造的名称";
    edited.locks = [];
    const saved = await xincheng.designer.saveDraft({ serviceId: variantId, draftId: opened.draft!.id, revision: opened.draft!.revision, definition: edited as never });
    expect(saved.violations).toEqual([]);
    const draft = await t.db.serviceVersion.findUniqueOrThrow({ where: { id: saved.draftId } });
    const overlay = variantOverlay.parse(draft.overlay);
    expect(Object.keys(overlay.set).sort()).toEqual(["guide.promisedLimit", "material/mLocal"]);
    expect((draft.definition as ServiceDefinition).title).toBe(exampleDefinition().title);
    expect((draft.definition as ServiceDefinition).locks).toEqual(defaultLocks(exampleDefinition()));

    const published = await xincheng.designer.publish({ serviceId: variantId, draftId: saved.draftId, revision: saved.revision });
    const version = await t.db.serviceVersion.findUniqueOrThrow({ where: { id: published.versionId } });
    expect(version).toMatchObject({ status: "published", number: 1, baseVersionId: template.versionId });
    expect(variantOverlay.parse(version.overlay).set["material/mLocal"]).toMatchObject({ name: "社区出具的居住证明" });
    const effective = serviceDefinition.parse(version.definition);
    expect(effective.materials.map((m) => m.id)).toEqual(["m1", "m2", "mLocal"]);
    expect(effective.guide.promisedLimit[0].days).toBe(2);
    expect(effective.code).toBe(exampleDefinition().code);
  });

  /** A new draft of the variant edited by `change`, then publishing it. */
  async function publishEdited(caller: Caller, change: (def: ServiceDefinition) => void) {
    const opened = await caller.designer.get({ serviceId: variantId });
    const base = structuredClone((opened.draft ?? opened.published)!.definition) as ServiceDefinition;
    change(base);
    const saved = await caller.designer.saveDraft({ serviceId: variantId, draftId: opened.draft?.id ?? null, revision: opened.draft?.revision ?? null, definition: base as never });
    return { saved, error: await errorOf(caller.designer.publish({ serviceId: variantId, draftId: saved.draftId, revision: saved.revision })) };
  }

  it("the region's rules refuse on publish, naming the rule and the item; the draft is kept with its violations", async () => {
    const longer = await publishEdited(xincheng, (d) => (d.guide.promisedLimit[0] = { text: "线上 5 个工作日", days: 5, unit: "workday", channel: "线上" }));
    expect(longer.saved.violations?.map((v) => v.rule)).toEqual(["limitLonger"]);
    expect(longer.error.code).toBe("BAD_REQUEST");
    expect(longer.error.message).toContain("「承诺时限只能缩短，不能延长」");
    expect(longer.error.message).toContain("办事指南：承诺办结时限");

    const removedLocked = await publishEdited(xincheng, (d) => {
      d.guide.promisedLimit[0].days = 2;
      d.materials = d.materials.filter((m) => m.id !== "m1");
    });
    expect(removedLocked.error.code).toBe("BAD_REQUEST");
    expect(removedLocked.error.message).toContain("材料：居民身份证：已由上级锁定，本地版本不能删除");

    const optional = await publishEdited(xincheng, (d) => {
      d.materials = [...exampleDefinition().materials.map((m) => (m.id === "m2" ? { ...m, required: false } : m)), localMaterial as never];
    });
    expect(optional.error.code).toBe("BAD_REQUEST");
    expect(optional.error.message).toContain("材料：失业登记表");
    expect(optional.error.message).toMatch(/不能改为非必要|不能修改/);

    // Found by a QA pass: the promised limit deleted, a channel renamed to lengthen it, a region step deleted.
    const noLimit = await publishEdited(xincheng, (d) => (d.guide.promisedLimit = []));
    expect(noLimit.error.message).toContain("「上级的承诺时限不能删除」");
    const renamed = await publishEdited(xincheng, (d) => (d.guide.promisedLimit[0] = { text: "网上 5 个工作日", days: 5, unit: "workday", channel: "网上" }));
    expect(renamed.error.message).toContain("「承诺时限只能缩短，不能延长」");
    const noStep = await publishEdited(xincheng, (d) => {
      const step = d.flow.nodes.find((n) => n.type === "task" && n.role !== "applicant" && n.id !== "intake")!;
      d.flow.nodes = d.flow.nodes.filter((n) => n.id !== step.id);
      d.flow.edges = d.flow.edges.filter((e) => e.from !== step.id && e.to !== step.id);
    });
    expect(noStep.error.code).toBe("BAD_REQUEST");
    expect(noStep.error.message).toContain("「上级规定的办理环节不能删除」");

    // Nothing of it was published: version 1 stands.
    const versions = await t.db.serviceVersion.findMany({ where: { serviceId: variantId, status: "published" } });
    expect(versions.map((v) => v.number)).toEqual([1]);
  });

  it("another banner's administrator cannot see it; the league's reads but cannot save; the region's reads all", async () => {
    const opened = await xincheng.designer.get({ serviceId: variantId });
    const ref = { serviceId: variantId, draftId: opened.draft!.id, revision: opened.draft!.revision, definition: opened.draft!.definition as never };

    expect((await errorOf(huimin.designer.get({ serviceId: variantId }))).code).toBe("NOT_FOUND");
    expect((await errorOf(huimin.designer.saveDraft(ref))).code).toBe("NOT_FOUND");
    expect((await huimin.designer.list({})).map((s) => s.id)).not.toContain(variantId);

    const byLeague = await hohhot.designer.get({ serviceId: variantId });
    expect(byLeague.access).toBe("read");
    expect(byLeague.variant?.parentServiceId).toBe(template.serviceId);
    expect((await hohhot.designer.list({})).find((s) => s.id === variantId)?.access).toBe("read");
    expect((await hohhot.designer.versions({ serviceId: variantId })).length).toBeGreaterThan(0);
    expect((await errorOf(hohhot.designer.saveDraft(ref))).code).toBe("FORBIDDEN");
    expect((await errorOf(hohhot.designer.publish({ serviceId: variantId, draftId: ref.draftId, revision: ref.revision }))).code).toBe("FORBIDDEN");

    expect((await region.designer.get({ serviceId: variantId })).access).toBe("read");
    expect((await errorOf(region.designer.saveDraft(ref))).code).toBe("FORBIDDEN");
    expect((await region.designer.get({ serviceId: template.serviceId })).access).toBe("edit");
    // A banner's administrator does not read the league's or the region's services in the designer.
    expect((await errorOf(xincheng.designer.get({ serviceId: template.serviceId }))).code).toBe("NOT_FOUND");
  });

  it("locks: the region's administrator locks an item of a template; a league's variant adds a lock its banners must keep, on three levels", async () => {
    const def = { ...exampleDefinition(), code: "variant-three-levels" };
    const second = await publishService(t.db, { ...def, locks: defaultLocks(def) });
    // The region's administrator locks the office address of the template and publishes version 2.
    const opened = await region.designer.get({ serviceId: second.serviceId });
    const locked = { ...(opened.published!.definition as ServiceDefinition), locks: [...defaultLocks(def), "guide.officeAddress"] };
    const saved = await region.designer.saveDraft({ serviceId: second.serviceId, draftId: null, revision: null, definition: locked as never });
    await region.designer.publish({ serviceId: second.serviceId, draftId: saved.draftId, revision: saved.revision });

    // 呼和浩特市 customises it and locks the online address for its banners.
    const league = await hohhot.variants.create({ parentServiceId: second.serviceId });
    const leagueDraft = (await hohhot.designer.get({ serviceId: league.serviceId })).draft!;
    const leagueEdit = structuredClone(leagueDraft.definition) as ServiceDefinition;
    leagueEdit.guide.onlineAddress = "https://hhht.example.cn/";
    leagueEdit.locks = [...leagueEdit.locks, "guide.onlineAddress"];
    const leagueSaved = await hohhot.designer.saveDraft({ serviceId: league.serviceId, draftId: leagueDraft.id, revision: leagueDraft.revision, definition: leagueEdit as never });
    const leagueVersion = await hohhot.designer.publish({ serviceId: league.serviceId, draftId: leagueSaved.draftId, revision: leagueSaved.revision });
    const stored = await t.db.serviceVersion.findUniqueOrThrow({ where: { id: leagueVersion.versionId } });
    expect(variantOverlay.parse(stored.overlay).addLocks).toEqual(["guide.onlineAddress"]);

    // 新城区 is offered the league's variant first, then the region's template.
    const offered = (await xincheng.variants.customisable({ search: "variant-three-levels" }))[0];
    expect(offered.bases.map((b) => b.serviceId)).toEqual([league.serviceId, second.serviceId]);
    const banner = await xincheng.variants.create({ parentServiceId: offered.bases[0].serviceId });
    const bannerState = await xincheng.designer.get({ serviceId: banner.serviceId });
    expect(bannerState.variant?.parentDefinition.guide.onlineAddress).toBe("https://hhht.example.cn/");
    const bannerEdit = structuredClone(bannerState.draft!.definition) as ServiceDefinition;
    bannerEdit.guide.onlineAddress = "https://xincheng.example.cn/";
    bannerEdit.guide.officeAddress = "新城区政务服务中心";
    const bannerSaved = await xincheng.designer.saveDraft({ serviceId: banner.serviceId, draftId: bannerState.draft!.id, revision: bannerState.draft!.revision, definition: bannerEdit as never });
    expect(bannerSaved.violations?.map((v) => `${v.rule} ${v.key}`).sort()).toEqual(["locked guide.officeAddress", "locked guide.onlineAddress"]);
    const refused = await errorOf(xincheng.designer.publish({ serviceId: banner.serviceId, draftId: bannerSaved.draftId, revision: bannerSaved.revision }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("「上级锁定的内容不能修改或删除」");
  });

  it("a variant's draft the items cannot read is refused in Chinese (BAD_REQUEST), not a server error", async () => {
    const opened = await xincheng.designer.get({ serviceId: variantId });
    const ref = { serviceId: variantId, draftId: opened.draft!.id, revision: opened.draft!.revision };
    const empty = await errorOf(xincheng.designer.saveDraft({ ...ref, definition: {} }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain("无法与上级版本比较");
    const broken = structuredClone(opened.draft!.definition) as Record<string, unknown> & ServiceDefinition;
    (broken.guide.legalBasis as unknown[]) = [{ title: null }];
    expect((await errorOf(xincheng.designer.saveDraft({ ...ref, definition: broken as never }))).code).toBe("BAD_REQUEST");
  });

  it("over HTTP: the league's administrator saving its banner's variant gets 403, another banner's 404", async () => {
    let server: TestServer | undefined;
    try {
      server = await serveTestDb(t);
      const opened = await xincheng.designer.get({ serviceId: variantId });
      const input = { serviceId: variantId, draftId: opened.draft!.id, revision: opened.draft!.revision, definition: opened.draft!.definition };
      const statusFor = async (username: string) => {
        const signIn = await mutation(server!, "auth.signIn", { username, password: TEST_DEMO_PASSWORD });
        const cookies = setCookies(signIn);
        const csrf = cookies.get(CSRF_COOKIE)!.value;
        const cookie = `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)!.value}; ${CSRF_COOKIE}=${csrf}`;
        const response = await mutation(server!, "designer.saveDraft", input, { cookie, [CSRF_HEADER]: csrf, origin: server!.base });
        return { status: response.status, body: await response.text() };
      };
      const league = await statusFor("hohhot.admin");
      expect(league.status).toBe(403);
      expect(league.body).toContain("只能查看");
      expect((await statusFor("huimin.admin")).status).toBe(404);
      expect((await statusFor("xincheng.admin")).status).toBe(200);
    } finally {
      await server?.close();
    }
  });
});
