/**
 * Objects in known states for authorisation and bad-input tests, each built fresh on demand
 * through the product's own procedures: drafts, submitted cases at each step, attachments,
 * services of an organisation. Owners are applicants (by username); staff act in 150102.
 */
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/runtime/db";
import { hashPassword } from "@/runtime/auth/password";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { signedIn } from "./caller";
import { TEST_DEMO_PASSWORD } from "./demoPassword";
import { PNG_BYTES, VALID_ID, createSeededTestDb, exampleDefinition, publishService } from "./fixtures";
import { serveTestDb, type TestServer } from "./httpServer";
import type { DatabaseKind, TestDb } from "./testDb";

type Caller = Awaited<ReturnType<typeof signedIn>>["caller"];

/** The office where fixture cases are filed, and the organisation whose staff handle them. */
export const CASE_OFFICE = "150102";
export const registrationForm = () => ({ registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } });

/** Creates a person applicant who can sign in with the test demo password. */
let applicantSerial = 0;
export async function createPersonApplicant(db: Db, username: string, displayName: string) {
  // Phones are unique per account: each fixture applicant gets its own.
  const phone = `1390000${String(++applicantSerial).padStart(4, "0")}`;
  return db.user.create({ data: { username, displayName, kind: "person", passwordHash: await hashPassword(TEST_DEMO_PASSWORD), phone } });
}

export class CaseFixtures {
  readonly definition: ServiceDefinition = exampleDefinition();
  private callers = new Map<string, Promise<Caller>>();
  private counter = 0;
  published!: { serviceId: string; versionId: string };

  constructor(readonly db: Db) {}

  async setUp() {
    // 告知承诺: the ID card may be committed to instead of uploaded (commitments.*).
    this.definition.materials[0].commitmentAllowed = true;
    this.published = await publishService(this.db, this.definition);
  }

  get code() {
    return this.definition.code;
  }

  unique(prefix: string) {
    return `${prefix}-${Date.now().toString(36)}-${++this.counter}`;
  }

  /** A caller signed in as `username`, kept for the whole run (fixtures never sign out). */
  as(username: string): Promise<Caller> {
    let caller = this.callers.get(username);
    if (!caller) {
      caller = signedIn(this.db, username).then((s) => s.caller);
      this.callers.set(username, caller);
    }
    return caller;
  }

  async sessionUser(username: string) {
    return loadSessionUser(this.db, (await this.db.user.findUniqueOrThrow({ where: { username } })).id);
  }

  async draft(owner: string) {
    return (await (await this.as(owner)).applications.startDraft({ code: this.code, officeId: CASE_OFFICE })).id;
  }

  async savedDraft(owner: string) {
    const id = await this.draft(owner);
    const { rowVersion } = await (await this.as(owner)).applications.saveDraft({ id, formData: registrationForm(), rowVersion: 1 });
    return { id, rowVersion };
  }

  async attachment(owner: string, applicationId?: string) {
    const id = applicationId ?? (await this.draft(owner));
    const attachment = await storeUpload(this.db, await this.sessionUser(owner), { applicationId: id, materialId: "m1", fileName: "身份证.png", bytes: PNG_BYTES });
    return { applicationId: id, attachmentId: attachment.id };
  }

  /** A submitted case at 受理 (a caseworker's task). */
  async submitted(owner: string) {
    const { id } = await this.savedDraft(owner);
    await (await this.as(owner)).applications.submit({ id, idempotencyKey: this.unique("fixture-submit") });
    return this.current(id);
  }

  /** A submitted case holding one uploaded material. */
  async submittedWithAttachment(owner: string) {
    const { id } = await this.savedDraft(owner);
    const { attachmentId } = await this.attachment(owner, id);
    await (await this.as(owner)).applications.submit({ id, idempotencyKey: this.unique("fixture-submit") });
    return { ...(await this.current(id)), attachmentId };
  }

  /** The case's current staff task and row version, as its office's caseworker sees it. */
  async current(id: string) {
    const view = await (await this.as("xincheng.caseworker")).workbench.case({ id });
    return { id, taskId: view.currentTask?.taskId ?? "", rowVersion: view.application.rowVersion, risks: view.currentTask?.riskChecklist.map((r) => r.key) ?? [] };
  }

  private async act(id: string, actionId: string, by = "xincheng.caseworker", extra: { comment?: string; correctionItems?: string[] } = {}) {
    const now = await this.current(id);
    await (await this.as(by)).workbench.act({ applicationId: id, taskId: now.taskId, actionId, confirmedRisks: now.risks, rowVersion: now.rowVersion, ...extra });
    return this.current(id);
  }

  /** At 审核 (a caseworker's step that may be paused). */
  async atReview(owner: string) {
    const { id } = await this.submitted(owner);
    return this.act(id, "accept");
  }

  /** At 复核 (a reviewer's task). */
  async atSecondReview(owner: string) {
    const { id } = await this.atReview(owner);
    return this.act(id, "pass");
  }

  /** Paused at 审核. */
  async paused(owner: string) {
    const { id, rowVersion } = await this.atReview(owner);
    await (await this.as("xincheng.caseworker")).workbench.pause({ applicationId: id, reason: "等待鉴定结论", rowVersion });
    return this.current(id);
  }

  /** Waiting for the applicant's correction. */
  async waitingApplicant(owner: string) {
    const { id } = await this.submitted(owner);
    await this.act(id, "askCorrection", "xincheng.caseworker", { comment: "材料不全", correctionItems: ["失业时间填写有误"] });
    const view = await (await this.as(owner)).applications.get({ id });
    return { id, rowVersion: view.application.rowVersion };
  }

  /** A claimed task of `role` in 150102, claimed by `by`. */
  async claimedTask(role: "caseworker" | "reviewer", by: string) {
    const { taskId } = role === "caseworker" ? await this.submitted("zhangsan") : await this.atSecondReview("zhangsan");
    await (await this.as(by)).workbench.claim({ taskId });
    return taskId;
  }

  private sources = new Map<string, Promise<string>>();

  /** A published copy of the example owned by `orgId` (an administrator copies only what they administer). */
  private source(orgId: string): Promise<string> {
    let source = this.sources.get(orgId);
    if (!source) {
      source = (async () => {
        if (orgId === "150000") return this.published.serviceId;
        const service = await this.db.service.create({
          data: { code: `${this.code}-${orgId}`, ownerOrgId: orgId, title: this.definition.title, part: this.definition.group.part, category: this.definition.group.category },
        });
        await this.db.serviceVersion.create({
          data: { serviceId: service.id, number: 1, status: "published", definition: { ...this.definition, code: service.code } as never, publishedAt: new Date() },
        });
        return service.id;
      })();
      this.sources.set(orgId, source);
    }
    return source;
  }

  /** A new service owned by `orgId` (a copy of the published example), with its draft; created by `admin`. */
  async service(orgId: string, admin: string) {
    const copyFromServiceId = await this.source(orgId);
    const created = await (await this.as(admin)).designer.createService({
      code: this.unique("svc").toLowerCase().replace(/[^a-z0-9-]/g, ""),
      title: "矩阵测试事项",
      part: "测试",
      category: "测试",
      ownerOrgId: orgId,
      copyFromServiceId,
    });
    return { serviceId: created.serviceId, draftId: created.draftId, revision: 1 };
  }

  /** A service of `orgId` with a published version (and no draft). */
  async publishedService(orgId: string, admin: string) {
    const service = await this.service(orgId, admin);
    const { versionId } = await (await this.as(admin)).designer.publish({ serviceId: service.serviceId, draftId: service.draftId, revision: service.revision });
    return { serviceId: service.serviceId, versionId };
  }
}

/**
 * Where the router-generated table tests (authorisation matrix, bad input) run: a seeded database
 * with a second person applicant (lisi) and the sign-in test account, the case fixtures, served over HTTP.
 */
export async function tableTestWorld(kind: DatabaseKind): Promise<{ t: TestDb; fx: CaseFixtures; server: TestServer }> {
  const t = await createSeededTestDb(kind);
  await createPersonApplicant(t.db, "lisi", "李四");
  await createPersonApplicant(t.db, "matrix.signin", "登录测试");
  // A 稽核人员 of another league (包头市): audits none of 150102.
  await t.db.user.create({
    data: { username: "baotou.auditor", displayName: "包头市稽核员", kind: "staff", passwordHash: await hashPassword(TEST_DEMO_PASSWORD), memberships: { create: [{ organisationId: "150200", role: "auditor" }] } },
  });
  const fx = new CaseFixtures(t.db);
  await fx.setUp();
  return { t, fx, server: await serveTestDb(t) };
}

/**
 * The world of one describe block: a seeded database with the example service published and its
 * case fixtures, made before the block's tests (and its own `beforeAll`s) and removed after them.
 * Read `db` and `fx` inside tests and hooks.
 */
export function caseWorldFor(kind: DatabaseKind): { readonly db: Db; readonly fx: CaseFixtures } {
  let world: { t: TestDb; fx: CaseFixtures } | undefined;
  const made = () => {
    if (!world) throw new Error("the case world is made in beforeAll; read it inside a test or hook");
    return world;
  };
  beforeAll(async () => {
    const t = await createSeededTestDb(kind);
    const fx = new CaseFixtures(t.db);
    await fx.setUp();
    world = { t, fx };
  }, 120_000);
  afterAll(async () => world?.t.cleanup());
  return {
    get db() {
      return made().t.db;
    },
    get fx() {
      return made().fx;
    },
  };
}
