/**
 * 有新版本 and the administrators' overview on SQLite and PostgreSQL: a variant behind its parent
 * is compared three ways and moved onto the parent's new version through its draft (merging by
 * itself, or with each conflict decided: keep mine, take the parent's, edit), refused for a reader
 * above (FORBIDDEN) and for another banner (NOT_FOUND), under the draft's optimistic concurrency;
 * publishing it leaves the old published version as it was. The overview is scoped by the tree.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/runtime/db";
import { hashPassword } from "@/runtime/auth/password";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { createSeededTestDb, exampleDefinition, publishService } from "../support/fixtures";
import { createVariant } from "../support/variantFixtures";
import { signedIn } from "../support/caller";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { describeOnDatabases, type TestDb } from "../support/testDb";

type Caller = Awaited<ReturnType<typeof signedIn>>["caller"];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "ok";
}

const LOCAL_ADDRESS = "新城区政务服务中心二楼";

describeOnDatabases("variant rebase and overview", (kind) => {
  let t: TestDb;
  let db: Db;
  let region: Caller;
  let league: Caller;
  let banner: Caller;
  let otherBanner: Caller;
  let serial = 0;

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    db = t.db;
    await db.user.create({
      data: {
        username: "huimin.admin",
        displayName: "回民区管理员",
        kind: "staff",
        passwordHash: await hashPassword(TEST_DEMO_PASSWORD),
        memberships: { create: { organisationId: "150103", role: "office_admin" } },
      },
    });
    region = (await signedIn(db, "region.admin")).caller;
    league = (await signedIn(db, "hohhot.admin")).caller;
    banner = (await signedIn(db, "xincheng.admin")).caller;
    otherBanner = (await signedIn(db, "huimin.admin")).caller;
  }, 120_000);
  afterAll(async () => t?.cleanup());

  /** A region service (v1) with a 150102 variant that changes the office address and the summary. */
  async function world(owner = "150102") {
    const definition: ServiceDefinition = { ...exampleDefinition(), code: `rebase-test-${++serial}` };
    const parent = await publishService(db, definition);
    const variant = await createVariant(db, { parentServiceId: parent.serviceId, ownerOrgId: owner, overlay: { set: { "guide.officeAddress": LOCAL_ADDRESS, summary: "新城区的本地概述" } } });
    return { code: definition.code, parentId: parent.serviceId, v1Id: parent.versionId, variantId: variant.serviceId, variantVersionId: variant.versionId };
  }

  /** The region publishes its next version with `edit` applied, through the designer. */
  async function publishParent(parentId: string, edit: (d: ServiceDefinition) => void): Promise<string> {
    const state = await region.designer.get({ serviceId: parentId });
    const definition = structuredClone(state.published!.definition) as unknown as ServiceDefinition;
    edit(definition);
    const draft = await region.designer.saveDraft({ serviceId: parentId, draftId: null, revision: null, definition: definition as never });
    return (await region.designer.publish({ serviceId: parentId, draftId: draft.draftId, revision: draft.revision })).versionId;
  }

  it("merges by itself when the two sides changed different items; publishing leaves the old version as it was", async () => {
    const w = await world();
    expect((await banner.variants.status({ serviceId: w.variantId }))?.behind).toBe(false);
    expect(await banner.variants.rebasePreview({ serviceId: w.variantId })).toBeNull();
    const v2Id = await publishParent(w.parentId, (d) => (d.guide.onlineAddress = "https://new.example/hall"));
    expect(await banner.variants.behind()).toContain(w.variantId);
    const preview = (await banner.variants.rebasePreview({ serviceId: w.variantId }))!;
    expect(preview).toMatchObject({ behind: true, base: { id: w.v1Id, number: 1 }, latest: { id: v2Id, number: 2 }, from: "published", draft: null, canEdit: true });
    expect(preview.result.conflicts).toEqual([]);
    expect(preview.result.followed.map((f) => f.key)).toEqual(["guide.onlineAddress"]);

    const oldVersion = await db.serviceVersion.findUniqueOrThrow({ where: { id: w.variantVersionId } });
    const rebased = await banner.variants.rebase({ serviceId: w.variantId, parentVersionId: v2Id, draftId: null, revision: null, resolutions: {} });
    expect(rebased).toMatchObject({ baseVersionId: v2Id, baseNumber: 2, revision: 1 });
    const draft = await db.serviceVersion.findUniqueOrThrow({ where: { id: rebased.draftId } });
    const effective = draft.definition as unknown as ServiceDefinition;
    expect(draft).toMatchObject({ status: "draft", baseVersionId: v2Id });
    expect(effective.guide).toMatchObject({ officeAddress: LOCAL_ADDRESS, onlineAddress: "https://new.example/hall" });
    expect(draft.overlay).toMatchObject({ schemaVersion: 1, set: { "guide.officeAddress": LOCAL_ADDRESS, summary: "新城区的本地概述" }, removed: [], addLocks: [] });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "variantRebased", entityId: rebased.draftId } });
    expect(event.organisationId).toBe("150102");

    // Until published the variant runs on its old base.
    expect((await banner.variants.status({ serviceId: w.variantId }))?.behind).toBe(false);
    expect(await db.serviceVersion.findFirst({ where: { serviceId: w.variantId, status: "published" }, orderBy: { number: "desc" } })).toMatchObject({ id: w.variantVersionId });
    const published = await banner.designer.publish({ serviceId: w.variantId, draftId: rebased.draftId, revision: rebased.revision });
    const v2 = await db.serviceVersion.findUniqueOrThrow({ where: { id: published.versionId } });
    expect(v2).toMatchObject({ number: 2, status: "published", baseVersionId: v2Id });
    expect((v2.definition as unknown as ServiceDefinition).guide.onlineAddress).toBe("https://new.example/hall");
    expect(await db.serviceVersion.findUniqueOrThrow({ where: { id: w.variantVersionId } })).toEqual(oldVersion);
    expect(await banner.variants.behind()).not.toContain(w.variantId);
  });

  it("lists a conflict and applies each resolution: keep mine, take the parent's, edit", async () => {
    for (const choice of ["mine", "parent", "edit"] as const) {
      const w = await world();
      const v2Id = await publishParent(w.parentId, (d) => {
        d.guide.officeAddress = "自治区政务服务大厅";
        d.summary = "新的概述";
      });
      const preview = (await banner.variants.rebasePreview({ serviceId: w.variantId }))!;
      expect(preview.result.conflicts.map((c) => [c.key, c.kind, c.parentAfter, c.mine])).toEqual([
        ["summary", "bothChanged", "新的概述", "新城区的本地概述"],
        ["guide.officeAddress", "bothChanged", "自治区政务服务大厅", LOCAL_ADDRESS],
      ]);
      expect(preview.result.conflicts[1].parentBefore).toBe(exampleDefinition().guide.officeAddress);
      const input = { serviceId: w.variantId, parentVersionId: v2Id, draftId: null, revision: null };
      // Every conflict must be decided.
      expect(await codeOf(banner.variants.rebase({ ...input, resolutions: { summary: { choice: "parent" } } }))).toBe("BAD_REQUEST");
      const resolution = choice === "edit" ? { choice, value: "新城区政务服务中心三楼" } : { choice };
      const rebased = await banner.variants.rebase({ ...input, resolutions: { "guide.officeAddress": resolution, summary: { choice: "parent" } } });
      const draft = await db.serviceVersion.findUniqueOrThrow({ where: { id: rebased.draftId } });
      const guide = (draft.definition as unknown as ServiceDefinition).guide;
      expect(guide.officeAddress).toBe({ mine: LOCAL_ADDRESS, parent: "自治区政务服务大厅", edit: "新城区政务服务中心三楼" }[choice]);
      expect((draft.definition as unknown as ServiceDefinition).summary).toBe("新的概述");
      expect(Object.keys((draft.overlay as { set: object }).set)).toEqual(choice === "parent" ? [] : ["guide.officeAddress"]);
    }
  });

  it("refuses an edited value that breaks the contract or a rule of the region", async () => {
    const w = await world();
    const v2Id = await publishParent(w.parentId, (d) => (d.guide.officeAddress = "自治区政务服务大厅"));
    const input = { serviceId: w.variantId, parentVersionId: v2Id, draftId: null, revision: null };
    const error = await banner.variants.rebase({ ...input, resolutions: { "guide.officeAddress": { choice: "edit", value: { floor: 3 } } } }).catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/不能应用更新：合并后的事项定义不符合规范/);
    expect(await db.serviceVersion.count({ where: { serviceId: w.variantId, status: "draft" } })).toBe(0);
  });

  it("refuses a reader above (FORBIDDEN) and another banner (NOT_FOUND)", async () => {
    const w = await world();
    const v2Id = await publishParent(w.parentId, (d) => (d.guide.onlineAddress = "https://new.example/2"));
    const input = { serviceId: w.variantId, parentVersionId: v2Id, draftId: null, revision: null, resolutions: {} };
    // The league reads its banners' variants, and may not change them; nor may the region.
    expect((await league.variants.rebasePreview({ serviceId: w.variantId }))?.canEdit).toBe(false);
    expect(await codeOf(league.variants.rebase(input))).toBe("FORBIDDEN");
    expect(await codeOf(region.variants.rebase(input))).toBe("FORBIDDEN");
    // Another banner does not see it at all.
    expect(await codeOf(otherBanner.variants.rebasePreview({ serviceId: w.variantId }))).toBe("NOT_FOUND");
    expect(await codeOf(otherBanner.variants.rebase(input))).toBe("NOT_FOUND");
    expect(await codeOf(otherBanner.variants.differences({ serviceId: w.variantId }))).toBe("NOT_FOUND");
    expect(await db.serviceVersion.count({ where: { serviceId: w.variantId, status: "draft" } })).toBe(0);
  });

  it("rebases a draft with local edits under its revision; a stale revision or a newer parent version is a conflict", async () => {
    const w = await world();
    const state = await banner.designer.get({ serviceId: w.variantId });
    const edited = { ...state.published!.definition, summary: "草稿中的本地修改" };
    const saved = await banner.designer.saveDraft({ serviceId: w.variantId, draftId: null, revision: null, definition: edited });
    const v2Id = await publishParent(w.parentId, (d) => (d.guide.onlineAddress = "https://new.example/3"));
    const preview = (await banner.variants.rebasePreview({ serviceId: w.variantId }))!;
    expect(preview).toMatchObject({ from: "draft", draft: { id: saved.draftId, revision: saved.revision } });
    // Someone saves the draft meanwhile.
    const again = await banner.designer.saveDraft({ serviceId: w.variantId, draftId: saved.draftId, revision: saved.revision, definition: { ...edited, summary: "又改了一次" } });
    const input = { serviceId: w.variantId, parentVersionId: v2Id, draftId: saved.draftId, resolutions: {} };
    expect(await codeOf(banner.variants.rebase({ ...input, revision: saved.revision }))).toBe("CONFLICT");
    expect(await codeOf(banner.variants.rebase({ ...input, draftId: null, revision: null }))).toBe("CONFLICT");
    // The parent publishes again: the comparison the administrator saw is stale.
    const v3Id = await publishParent(w.parentId, (d) => (d.guide.onlineAddress = "https://new.example/4"));
    expect(await codeOf(banner.variants.rebase({ ...input, revision: again.revision }))).toBe("CONFLICT");
    const rebased = await banner.variants.rebase({ ...input, parentVersionId: v3Id, revision: again.revision });
    expect(rebased).toMatchObject({ draftId: saved.draftId, revision: again.revision + 1, baseNumber: 3 });
    const draft = await db.serviceVersion.findUniqueOrThrow({ where: { id: saved.draftId } });
    expect(draft.definition).toMatchObject({ summary: "又改了一次", guide: { officeAddress: LOCAL_ADDRESS, onlineAddress: "https://new.example/4" } });
  });

  it("the overview shows each office's variant, its base and its differences, scoped to the administrator's part of the tree", async () => {
    const w = await world();
    await createVariant(db, { parentServiceId: w.parentId, ownerOrgId: "150202", overlay: { removed: ["guide.onlineAddress"], set: { "material/local": { id: "local", name: "居住证明", source: "申请人自备", kind: "原件", copies: 1, medium: "纸质", required: false, keepPaper: false, obtainableBySharing: false, scenario: null, formId: null } } } });
    await publishParent(w.parentId, (d) => (d.guide.onlineAddress = "https://new.example/5"));
    const whole = await region.variants.overviewOf({ code: w.code });
    expect(whole.rows.map((r) => [r.ownerOrgId, r.publishedNumber, r.baseNumber, r.parentNumber, r.behind, r.canEdit])).toEqual([
      ["150102", 1, 1, 2, true, false],
      ["150202", 1, 1, 2, true, false],
    ]);
    expect(whole.rows[0].size).toEqual({ changed: 2, added: 0, removed: 0, total: 2 });
    expect(whole.rows[1].size).toMatchObject({ changed: 0, removed: 1 });
    expect((await region.variants.overview()).find((s) => s.code === w.code)).toEqual({ code: w.code, title: whole.title, variants: 2, behind: 2 });
    // The league 呼和浩特市 sees its banner, not 包头市's.
    const hohhot = await league.variants.overviewOf({ code: w.code });
    expect(hohhot.rows.map((r) => r.ownerOrgId)).toEqual(["150102"]);
    expect((await league.variants.overview()).find((s) => s.code === w.code)).toMatchObject({ variants: 1, behind: 1 });
    expect(await codeOf(otherBanner.variants.overviewOf({ code: w.code }))).toBe("NOT_FOUND");
    expect((await banner.variants.overviewOf({ code: w.code })).rows[0].canEdit).toBe(true);
    const differences = await league.variants.differences({ serviceId: w.variantId });
    expect(differences.items.map((i) => [i.key, i.state])).toEqual([
      ["summary", "overridden"],
      ["guide.officeAddress", "overridden"],
    ]);
  });
});
