/**
 * Every mutation of the router writes its audit event in its own transaction. The list of
 * mutations comes from the router itself: a new mutation without a declared audit action
 * (`.meta({ audit: [...] })`) or without a call below fails this test.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/runtime/trpc/appRouter";
import type { ProcedureMeta } from "@/runtime/trpc/init";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createVariant } from "../support/variantFixtures";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES, VALID_ID } from "../support/fixtures";
import { callerFor, newBrowser, signedIn } from "../support/caller";
import { MemoryOutbox } from "../support/outbox";
import { useNotificationChannel } from "@/runtime/notify/channel";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-audit-files-"));

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta };
}
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures;
const mutations = Object.entries(procedures)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([name, p]) => ({ name, audit: p._def.meta?.audit ?? [] }));

/** Effects an engine event may add beside the event itself. */
const ENGINE_NOTICES = new Set(["notify", "issueDocument", "overdue"]);
const matches = (declared: readonly string[], action: string) =>
  declared.some((d) => (d.endsWith(":*") ? action.startsWith(d.slice(0, -1)) : d === action));

const definition = exampleDefinition();
// 告知承诺: the ID card may be committed to instead of uploaded (commitments.set, commitments.settle).
definition.materials[0].commitmentAllowed = true;
const CODE = definition.code;
const form = () => ({ registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } });

/** A service whose (not mandatory) pre-check the platform answers, and one whose material may be reused from an earlier case. */
const CHECKED_ITEM = "是否重复申领";
const checkedDefinition = { ...exampleDefinition(), code: "audit-checked" };
checkedDefinition.guide = { ...checkedDefinition.guide, preChecks: [{ check: CHECKED_ITEM, who: "个人", mandatory: false }] };
checkedDefinition.connectors = { preChecks: [{ check: CHECKED_ITEM, connector: "platformCases", fact: "noDuplicateCase" }], dataSharing: [], materials: [] };
const reuseDefinition = { ...exampleDefinition(), code: "audit-reuse", connectors: { preChecks: [], dataSharing: [], materials: [{ materialId: "m1", connector: "platformMaterials" }] } };

it("every mutation declares the audit action(s) it records", () => {
  expect(mutations.length).toBeGreaterThanOrEqual(20);
  expect(mutations.filter((m) => m.audit.length === 0).map((m) => m.name)).toEqual([]);
});

describe.each(databaseKinds())("every mutation writes its audit event on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    await publishService(t.db, checkedDefinition);
    await publishService(t.db, reuseDefinition);
  }, 120_000);
  afterAll(async () => {
    useNotificationChannel(null);
    await t?.cleanup();
  });

  it("one event of the declared action per call, in the call's transaction", async () => {
    const db = () => t.db;
    const lastId = async () => (await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
    const applicant = await signedIn(db(), "zhangsan");
    const caseworker = await signedIn(db(), "xincheng.caseworker");
    const admin = await signedIn(db(), "region.admin");
    const bannerAdmin = await signedIn(db(), "xincheng.admin");
    const auditor = await signedIn(db(), "hohhot.auditor");
    const user = async (username: string) => loadSessionUser(db(), (await db().user.findUniqueOrThrow({ where: { username } })).id);
    const state: { accountId?: string; draftId?: string; rowVersion?: number; caseId?: string; taskId?: string; serviceId?: string; designDraft?: { id: string; revision: number }; versionId?: string; sampleId?: string } = {};

    const outbox = new MemoryOutbox();
    useNotificationChannel(outbox);
    const visitor = await callerFor(db(), newBrowser("10.7.0.1"));
    const PASSWORD = "Audit-Password-2027";
    /** Codes of earlier calls no longer hold back a new send to the same phone (one a minute). */
    const ageCodes = () => db().oneTimeCode.updateMany({ data: { createdAt: new Date(Date.now() - 120_000) } });

    const caseView = async () => {
      const view = await caseworker.caller.workbench.case({ id: state.caseId! });
      state.taskId = view.currentTask?.taskId;
      state.rowVersion = view.application.rowVersion;
      return view;
    };

    // One valid call per mutation, in an order that builds the state the next ones need.
    const calls: [string, () => Promise<unknown>][] = [
      ["auth.signIn", () => signedIn(db(), "hohhot.admin")],
      ["applications.startDraft", async () => (state.draftId = (await applicant.caller.applications.startDraft({ code: CODE, officeId: "150102" })).id)],
      ["applications.saveDraft", async () => (state.rowVersion = (await applicant.caller.applications.saveDraft({ id: state.draftId!, formData: form(), rowVersion: 1 })).rowVersion)],
      [
        "applications.removeAttachment",
        async () => {
          const attachment = await storeUpload(db(), await user("zhangsan"), { applicationId: state.draftId!, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
          return applicant.caller.applications.removeAttachment({ id: state.draftId!, attachmentId: attachment.id });
        },
      ],
      ["applications.withdraw", () => applicant.caller.applications.withdraw({ id: state.draftId! })],
      [
        "applications.submit",
        async () => {
          const { id } = await applicant.caller.applications.startDraft({ code: CODE, officeId: "150102" });
          await applicant.caller.applications.saveDraft({ id, formData: form(), rowVersion: 1 });
          state.caseId = id;
          return applicant.caller.applications.submit({ id, idempotencyKey: "audit-submit-0001" });
        },
      ],
      ["applications.submitDirect", () => applicant.caller.applications.submitDirect({ code: CODE, officeId: "150102", formData: form(), idempotencyKey: "audit-direct-0001" })],
      ["workbench.claim", async () => (await caseView(), caseworker.caller.workbench.claim({ taskId: state.taskId! }))],
      ["workbench.release", () => caseworker.caller.workbench.release({ taskId: state.taskId! })],
      [
        "workbench.act",
        async () => {
          await caseView();
          return caseworker.caller.workbench.act({
            applicationId: state.caseId!,
            taskId: state.taskId!,
            actionId: "askCorrection",
            comment: "材料不全",
            correctionItems: ["失业时间填写有误"],
            rowVersion: state.rowVersion!,
          });
        },
      ],
      [
        "applications.answerCorrection",
        async () => {
          const waiting = await applicant.caller.applications.get({ id: state.caseId! });
          return applicant.caller.applications.answerCorrection({ id: state.caseId!, formData: form(), rowVersion: waiting.application.rowVersion });
        },
      ],
      [
        "workbench.pause",
        async () => {
          // 受理 first: 审核 is the step that may be paused.
          await caseView();
          await caseworker.caller.workbench.act({ applicationId: state.caseId!, taskId: state.taskId!, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: state.rowVersion! });
          await caseView();
          return caseworker.caller.workbench.pause({ applicationId: state.caseId!, reason: "等待鉴定结论", rowVersion: state.rowVersion! });
        },
      ],
      ["workbench.resume", async () => (await caseView(), caseworker.caller.workbench.resume({ applicationId: state.caseId!, rowVersion: state.rowVersion! }))],
      ["checks.run", () => caseworker.caller.checks.run({ applicationId: checked.run })],
      ["checks.manual", () => caseworker.caller.checks.manual({ applicationId: checked.manual, kind: "preCheck", item: CHECKED_ITEM, passed: true, note: "窗口核验" })],
      ["checks.override", () => caseworker.caller.checks.override({ applicationId: checked.override, item: CHECKED_ITEM, reason: "经核实为补办" })],
      ["checks.consent", () => applicant.caller.checks.consent({ applicationId: checked.consent, materialId: "m1" })],
      [
        "designer.createService",
        async () => {
          const created = await admin.caller.designer.createService({ code: "audit-copy", title: "审计测试", part: "测试", category: "测试", copyFromServiceId: (await db().service.findFirstOrThrow({ where: { code: CODE } })).id });
          state.serviceId = created.serviceId;
          state.designDraft = { id: created.draftId, revision: 1 };
          return created;
        },
      ],
      [
        "designer.saveDraft",
        async () => {
          const opened = await admin.caller.designer.get({ serviceId: state.serviceId! });
          const edited = { ...(opened.draft!.definition as ServiceDefinition), summary: "审计测试的修改" };
          const saved = await admin.caller.designer.saveDraft({ serviceId: state.serviceId!, draftId: opened.draft!.id, revision: opened.draft!.revision, definition: edited as never });
          state.designDraft = { id: saved.draftId, revision: saved.revision };
        },
      ],
      [
        "designer.publish",
        async () => (state.versionId = (await admin.caller.designer.publish({ serviceId: state.serviceId!, draftId: state.designDraft!.id, revision: state.designDraft!.revision })).versionId),
      ],
      ["designer.restore", () => admin.caller.designer.restore({ serviceId: state.serviceId!, versionId: state.versionId!, draftId: null, revision: null })],
      [
        "variants.create",
        async () => {
          return bannerAdmin.caller.variants.create({ parentServiceId: (await db().service.findFirstOrThrow({ where: { code: CODE, ownerOrgId: "150000" } })).id });
        },
      ],
      [
        "variants.rebase",
        async () => {
          // A 150102 variant of the example service, whose parent then publishes version 2.
          const parent = await db().service.findFirstOrThrow({ where: { code: CODE, ownerOrgId: "150000" } });
          const variant = await createVariant(db(), { parentServiceId: parent.id, ownerOrgId: "150102", overlay: { set: { summary: "审计测试的本地概述" } } });
          const v1 = await db().serviceVersion.findFirstOrThrow({ where: { serviceId: parent.id, status: "published" }, orderBy: { number: "desc" } });
          const v2 = await db().serviceVersion.create({
            data: { serviceId: parent.id, status: "published", number: (v1.number ?? 0) + 1, definition: v1.definition as never, publishedAt: new Date() },
          });
          // variants.create (above) may have left the variant a draft: the rebase is then based on it.
          const draft = await db().serviceVersion.findFirst({ where: { serviceId: variant.serviceId, status: "draft" } });
          return bannerAdmin.caller.variants.rebase({ serviceId: variant.serviceId, parentVersionId: v2.id, draftId: draft?.id ?? null, revision: draft?.revision ?? null, resolutions: {} });
        },
      ],
      ["calendar.setDay", () => admin.caller.calendar.setDay({ date: "2031-01-02", kind: "holiday", note: "审计测试" })],
      ["calendar.clearDay", () => admin.caller.calendar.clearDay({ date: "2031-01-02" })],
      ["accounts.sendCode", () => visitor.accounts.sendCode({ phone: "13700000001", purpose: "register" })],
      [
        "accounts.registerPerson",
        () => visitor.accounts.registerPerson({ name: "审计人", idNumber: "150102198506120059", phone: "13700000001", username: "audit.person", password: PASSWORD, code: outbox.lastCode("13700000001") }),
      ],
      [
        "accounts.registerOrganisation",
        async () => {
          await visitor.accounts.sendCode({ phone: "13700000002", purpose: "register" });
          return visitor.accounts.registerOrganisation({ organisationName: "审计公司", creditCode: "91150102MA0R00007A", contactName: "审计人", phone: "13700000002", username: "audit.org", password: PASSWORD, code: outbox.lastCode("13700000002") });
        },
      ],
      [
        "accounts.resetPassword",
        async () => {
          await ageCodes();
          await visitor.accounts.sendCode({ phone: "13700000001", purpose: "reset" });
          return visitor.accounts.resetPassword({ phone: "13700000001", code: outbox.lastCode("13700000001"), password: "Audit-Password-2028" });
        },
      ],
      ["staffAccounts.create", async () => (state.accountId = (await admin.caller.staffAccounts.create({ organisationId: "150102", username: "audit.clerk", displayName: "审计测试", role: "caseworker" })).id)],
      ["staffAccounts.resetPassword", () => admin.caller.staffAccounts.resetPassword({ userId: state.accountId! })],
      ["staffAccounts.signOutEverywhere", () => admin.caller.staffAccounts.signOutEverywhere({ userId: state.accountId! })],
      ["staffAccounts.disable", () => admin.caller.staffAccounts.disable({ userId: state.accountId! })],
      ["staffAccounts.enable", () => admin.caller.staffAccounts.enable({ userId: state.accountId! })],
      [
        "notifications.markRead",
        async () => {
          // The correction asked for above left zhangsan a message.
          const [message] = await applicant.caller.notifications.list({ unreadOnly: true });
          return applicant.caller.notifications.markRead({ id: message.id });
        },
      ],
      ["notifications.markAllRead", () => caseworker.caller.notifications.markAllRead()],
      [
        "commitments.set",
        async () => {
          const { id } = await applicant.caller.applications.startDraft({ code: CODE, officeId: "150102" });
          await applicant.caller.applications.saveDraft({ id, formData: form(), rowVersion: 1 });
          state.draftId = id;
          return applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true });
        },
      ],
      [
        "commitments.settle",
        async () => {
          await applicant.caller.applications.submit({ id: state.draftId!, idempotencyKey: "audit-commit-0001" });
          const [row] = await caseworker.caller.commitments.followUps();
          return caseworker.caller.commitments.settle({ commitmentId: row.id, outcome: "verified" });
        },
      ],
      [
        "internalAudit.drawSample",
        async () => {
          await db().application.update({ where: { id: state.draftId! }, data: { status: "completed", closedAt: new Date() } });
          const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
          state.sampleId = (await auditor.caller.internalAudit.drawSample({ officeId: "150102", periodFrom: today, periodTo: today, size: 5 })).id;
        },
      ],
      [
        "internalAudit.recordFinding",
        async () => {
          return auditor.caller.internalAudit.recordFinding({ sampleId: state.sampleId!, applicationId: state.draftId!, verdict: "compliant", text: "材料齐全，流程合规" });
        },
      ],
      ["notifications.savePreferences", () => applicant.caller.notifications.savePreferences({ email: "zhangsan@example.cn", byEmail: true, bySms: true })],
      ["auth.signOut", () => applicant.caller.auth.signOut()],
    ];

    expect(calls.map(([name]) => name).sort()).toEqual(mutations.map((m) => m.name).sort());
    // 校验与共享: cases of services bound to the platform's own connectors, filed before the calls are counted.
    const fileChecked = async (code: string) => {
      const { caseNumber } = await applicant.caller.applications.submitDirect({ code, officeId: "150102", formData: form(), idempotencyKey: `audit-checked-${code}-${Math.random()}` });
      return (await db().application.findUniqueOrThrow({ where: { caseNumber } })).id;
    };
    const checked = { run: await fileChecked(checkedDefinition.code), manual: await fileChecked(checkedDefinition.code), override: await fileChecked(checkedDefinition.code), consent: await fileChecked(reuseDefinition.code) };
    await db().caseCheck.create({ data: { applicationId: checked.override, kind: "preCheck", item: CHECKED_ITEM, nodeId: "intake", connectorId: "platformCases", status: "failed", source: "system" } });

    for (const [name, call] of calls) {
      const declared = mutations.find((m) => m.name === name)!.audit;
      const before = await lastId();
      await call();
      const events = await db().auditEvent.findMany({ where: { id: { gt: before } }, orderBy: { id: "asc" } });
      const own = events.filter((e) => matches(declared, e.action));
      const others = events.filter((e) => !matches(declared, e.action) && !ENGINE_NOTICES.has(e.action));
      // Setting up some calls runs other mutations first (an upload, a draft): those events are theirs.
      const setUp = new Set(["attach", "create", "saveDraft", "act:accept", "read", "codeSent", "submit"]);
      expect({ name, own: own.length, unexpected: others.filter((e) => !setUp.has(e.action)).map((e) => e.action) }).toEqual({ name, own: 1, unexpected: [] });
      expect(own[0].entityId, name).toBeTruthy();
    }
  });
});
