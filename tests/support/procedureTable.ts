/**
 * The table of every tRPC procedure and HTTP route: who may call it and how to build a valid input
 * for a principal's own or another's object. Used by tests/integration/authorizationMatrix.test.ts
 * (who may call what) and tests/integration/badInput.test.ts (what bad input does); both fail for a
 * procedure of the router without an entry here. A new procedure: add its entry to TABLE.
 *
 * Principals: staff of 150102 (新城区) are "own" for the fixture cases, filed at 150102; staff of
 * 150121 (土默特左旗, a banner of the same league) are "other"; staff of 150100 (呼和浩特市, the
 * league above 150102) are "above": they read 150102's cases under supervision (监督) and act on
 * none. A region administrator's own services belong to 150000, its "other" ones to 150102.
 * Applicants: `own` acts on its own objects, `other` on zhangsan's
 * (as lisi, a second person applicant, or as company.demo). Auditors (稽核人员): 呼和浩特市's is
 * "above" 150102 (reads its cases, samples them, acts on none); 包头市's is "other".
 */
import { GET as formValidator } from "@/app/api/form-validators/[versionId]/[formId]/route";
import { exampleDefinition, PNG_BYTES, publishService } from "./fixtures";
import { type CaseFixtures, CASE_OFFICE, registrationForm } from "./caseFixtures";
import { TEST_DEMO_PASSWORD } from "./demoPassword";
import { callerFor, newBrowser } from "./caller";
import { MemoryOutbox } from "./outbox";
import { createVariant } from "./variantFixtures";
import { useNotificationChannel as sendCodesTo } from "@/runtime/notify/channel";
import { creditCodeCheckChar, residentIdCheckChar } from "@/runtime/forms/formats";
import type { TestServer } from "./httpServer";

// ------------------------------------------------------------------ principals

export type Role = "anonymous" | "person" | "organisation" | "caseworker" | "reviewer" | "office_admin" | "region_admin" | "auditor";
export type Relation = "own" | "other" | "above";

export interface Principal {
  role: Role;
  relation: Relation;
  /** The account acting; null for anonymous. */
  username: string | null;
  /** Whose applicant data the object is. */
  owner: string;
  /** The organisation that owns a designer object (cases are always filed at 150102). */
  org: string;
  /** The administrator who creates that organisation's services. */
  orgAdmin: string;
}

const p = (role: Role, relation: Relation, username: string | null, owner = "zhangsan", org = CASE_OFFICE, orgAdmin = "xincheng.admin"): Principal => ({
  role,
  relation,
  username,
  owner,
  org,
  orgAdmin,
});

export const PRINCIPALS: Principal[] = [
  p("anonymous", "other", null),
  p("person", "own", "zhangsan"),
  p("person", "other", "lisi"),
  p("organisation", "own", "company.demo", "company.demo"),
  p("organisation", "other", "company.demo"),
  p("caseworker", "own", "xincheng.caseworker"),
  p("caseworker", "other", "tumed.caseworker"),
  p("caseworker", "above", "hohhot.caseworker"),
  p("reviewer", "own", "xincheng.reviewer"),
  p("reviewer", "other", "tumed.reviewer"),
  p("reviewer", "above", "hohhot.reviewer"),
  p("office_admin", "own", "xincheng.admin"),
  p("office_admin", "other", "tumed.admin"),
  p("office_admin", "above", "hohhot.admin"),
  p("region_admin", "own", "region.admin", "zhangsan", "150000", "region.admin"),
  p("region_admin", "other", "region.admin"),
  // 稽核人员: 呼和浩特市's audits 150102 (below it); 包头市's (made by tableTestWorld) audits none of it.
  p("auditor", "above", "hohhot.auditor"),
  p("auditor", "other", "baotou.auditor"),
];

// ------------------------------------------------------------------ rules: who may call

export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
export type Rule = (principal: Principal) => Outcome;

export const APPLICANTS: Role[] = ["person", "organisation"];
export const WORKERS: Role[] = ["caseworker", "reviewer"];
export const ADMINS: Role[] = ["office_admin", "region_admin"];
export const STAFF: Role[] = [...WORKERS, ...ADMINS];

/** Anyone, signed in or not. */
export const everyone: Rule = () => "ok";

/** Signed-in users of `roles`; when `scoped`, only on their own objects (another's, or one below one's office, is "not found"). */
export function only(roles: Role[], options: { scoped: boolean; otherwise?: Partial<Record<Role, Outcome>> }): Rule {
  return (principal) => {
    if (principal.role === "anonymous") return "UNAUTHORIZED";
    if (!roles.includes(principal.role)) return options.otherwise?.[principal.role] ?? "FORBIDDEN";
    return options.scoped && principal.relation !== "own" ? "NOT_FOUND" : "ok";
  };
}

/** Applicants on their own objects. */
export const ownApplicantData = only(APPLICANTS, { scoped: true });
/** Any applicant (the procedure acts on nothing of anyone else's). */
export const anyApplicant = only(APPLICANTS, { scoped: false });
/** Caseworkers and reviewers of the case's office. */
export const officeWorkers = only(WORKERS, { scoped: true });
/** The office's staff holding the case's current step (审核, a caseworker's): its reviewers are refused. */
export const stepHolders: Rule = (principal) => (principal.role === "reviewer" && principal.relation === "own" ? "FORBIDDEN" : officeWorkers(principal));
/**
 * Working a case in the workbench (claim, release, act, pause, resume, and its checks): as `rule`, except that the
 * caseworkers and reviewers of the office above (监督) see the case and are refused as read-only
 * (FORBIDDEN), not told it does not exist.
 */
export const readOnlyAbove =
  (rule: Rule): Rule =>
  (principal) =>
    WORKERS.includes(principal.role) && principal.relation === "above" ? "FORBIDDEN" : rule(principal);
/** Administrators of the service's owner. */
export const serviceAdmins = only(ADMINS, { scoped: true });
/**
 * Readers of a case filed at 150102 (监督): its office's caseworkers and reviewers, and — read-only —
 * the staff of the offices above it (the league's, any role; the region's administrator). A banner's
 * administrator reads no cases: `adminsOfBanners` is what they get.
 */
export const caseReaders =
  (adminsOfBanners: Outcome): Rule =>
  (principal) => {
    if (principal.role === "anonymous") return "UNAUTHORIZED";
    if (APPLICANTS.includes(principal.role)) return "FORBIDDEN";
    if (principal.role === "region_admin" || principal.relation === "above") return "ok";
    if (principal.role === "auditor") return "NOT_FOUND"; // another league's: supervises none of 150102
    if (principal.role === "office_admin") return adminsOfBanners;
    return officeWorkers(principal);
  };
/** A case's documents and files: its applicant, or its readers (a banner's administrator: not found). */
const caseFileReaders: Rule = (principal) => (APPLICANTS.includes(principal.role) ? ownApplicantData(principal) : caseReaders("NOT_FOUND")(principal));
/**
 * Reading a service in the designer: its owner's administrators and those of the offices above
 * it (呼和浩特市's, above 150102, and the region's); a sibling banner's administrator: not found.
 */
export const serviceReaders: Rule = (principal) => {
  const outcome = only(ADMINS, { scoped: false })(principal);
  if (outcome !== "ok" || principal.relation === "own" || principal.relation === "above" || principal.role === "region_admin") return outcome;
  return "NOT_FOUND";
};
/** Changing a service: its owner's administrators; those above read it but are refused a change. */
export const serviceEditors: Rule = (principal) => {
  const outcome = serviceReaders(principal);
  return outcome === "ok" && principal.relation !== "own" ? "FORBIDDEN" : outcome;
};

// ------------------------------------------------------------------ local variants

/**
 * A local variant owned by `orgId` (for the region: by its league 150100, as the region has no
 * variants) of a new region service, whose parent has since published version 2: 有新版本.
 */
async function behindVariant(fx: CaseFixtures, orgId: string) {
  const parent = await fx.publishedService("150000", "region.admin");
  const variant = await createVariant(fx.db, { parentServiceId: parent.serviceId, ownerOrgId: orgId === "150000" ? "150100" : orgId, overlay: { set: { summary: "矩阵测试的本地概述" } } });
  const region = await fx.as("region.admin");
  const current = await region.designer.get({ serviceId: parent.serviceId });
  const definition = { ...current.published!.definition, guide: { ...(current.published!.definition.guide as object), officeAddress: "矩阵测试的新地址" } };
  const draft = await region.designer.saveDraft({ serviceId: parent.serviceId, draftId: null, revision: null, definition });
  const { versionId } = await region.designer.publish({ serviceId: parent.serviceId, draftId: draft.draftId, revision: draft.revision });
  return { serviceId: variant.serviceId, parentVersionId: versionId, code: (await fx.db.service.findUniqueOrThrow({ where: { id: variant.serviceId } })).code };
}

/** Only the variant's own office edits it; administrators above read it (a write is refused), others do not see it. */
const variantEditors: Rule = (principal) => {
  if (principal.role === "anonymous") return "UNAUTHORIZED";
  if (principal.role === "office_admin" && principal.relation === "own") return "ok";
  if (principal.role === "office_admin" && principal.relation === "other") return "NOT_FOUND"; // a sibling banner's
  return "FORBIDDEN";
};

// ------------------------------------------------------------------ 校验与共享

/** The 前置校验 of the checked service: not mandatory, so nothing it answers holds a fixture case back. */
export const CHECKED_ITEM = "是否重复申领";
const checkedServices = new WeakMap<CaseFixtures, Promise<string>>();

/** A service whose pre-check and shareable material are bound to the platform's own connectors. */
function checkedService(fx: CaseFixtures): Promise<string> {
  let code = checkedServices.get(fx);
  if (!code) {
    const definition = exampleDefinition();
    definition.code = "checked-matrix";
    definition.guide.preChecks = [{ check: CHECKED_ITEM, who: "个人", mandatory: false }];
    definition.connectors = { preChecks: [{ check: CHECKED_ITEM, connector: "platformCases", fact: "noDuplicateCase" }], dataSharing: [], materials: [{ materialId: "m1", connector: "platformMaterials" }] };
    code = publishService(fx.db, definition).then(() => definition.code);
    checkedServices.set(fx, code);
  }
  return code;
}

/** A submitted case of the checked service, filed by `owner` at 150102. */
async function checkedCase(fx: CaseFixtures, owner: string): Promise<string> {
  const code = await checkedService(fx);
  const { caseNumber } = await (await fx.as(owner)).applications.submitDirect({ code, officeId: CASE_OFFICE, formData: registrationForm(), idempotencyKey: fx.unique("checked") });
  return (await fx.db.application.findUniqueOrThrow({ where: { caseNumber } })).id;
}

// ------------------------------------------------------------------ 内控稽核 and 告知承诺

/** 稽核人员 of 150102's league (or the region); another league's does not find its objects. */
const auditorsOf150102: Rule = (principal) => {
  const outcome = only(["auditor"], { scoped: false })(principal);
  return outcome === "ok" && principal.relation === "other" ? "NOT_FOUND" : outcome;
};

/** A case of 150102 closed today, and today as a sampling period. */
async function closedCase(fx: CaseFixtures) {
  const { id } = await fx.submitted("zhangsan");
  await fx.db.application.update({ where: { id }, data: { status: "completed", closedAt: new Date() } });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { id, period: { periodFrom: today, periodTo: today } };
}

/** A sample of 150102 drawn by its league's auditor, with one of its cases. */
async function auditSample(fx: CaseFixtures) {
  const { period } = await closedCase(fx);
  const auditor = await fx.as("hohhot.auditor");
  const { id } = await auditor.internalAudit.drawSample({ officeId: CASE_OFFICE, ...period, size: 1 });
  const sample = await auditor.internalAudit.sample({ id });
  return { sampleId: id, applicationId: sample.cases[0].applicationId };
}

/** A case submitted with a 告知承诺 instead of its ID card: the commitment's id. */
async function committedCase(fx: CaseFixtures) {
  const { id } = await fx.savedDraft("zhangsan");
  const applicant = await fx.as("zhangsan");
  await applicant.commitments.set({ applicationId: id, materialId: "m1", commit: true });
  await applicant.applications.submit({ id, idempotencyKey: fx.unique("commit") });
  return (await fx.db.materialCommitment.findFirstOrThrow({ where: { applicationId: id } })).id;
}

// ------------------------------------------------------------------ the table

export interface Call {
  fx: CaseFixtures;
  principal: Principal;
  /** The own-organisation account of the principal's role (to set up "other" objects as their office would). */
  ownWorker: string;
}

export interface Entry {
  who: Rule;
  /** A valid input for the principal's own or other object, built fresh. */
  input: (call: Call) => Promise<unknown>;
  /** Call from a new session of the principal (the call signs in or out). */
  freshSession?: boolean;
}

const none = async () => undefined;
/** The worker task of the principal's role: 受理 for caseworkers, 复核 for reviewers. */
const taskFor = async ({ fx, principal }: Call) => (principal.role === "reviewer" ? fx.atSecondReview("zhangsan") : fx.submitted("zhangsan"));

// ------------------------------------------------------------------ accounts: codes, new applicants, staff accounts

/** Where one-time codes go during the table tests: read back as a person reads their phone. */
export const OUTBOX = new MemoryOutbox();
let serial = 0;
const freshPhone = () => `139${String(Date.now() % 100_000).padStart(5, "0")}${String(++serial % 1000).padStart(3, "0")}`;
const freshIdNumber = () => {
  const first17 = `15010219${String(70 + (serial % 30))}0${1 + (serial % 9)}1${String(++serial % 10)}${String(serial % 1000).padStart(3, "0")}`;
  return first17 + residentIdCheckChar(first17);
};
const freshCreditCode = () => {
  const first17 = `91150102MA${String(Date.now() % 10_000).padStart(4, "0")}${String(++serial % 1000).padStart(3, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
const freshUsername = (fx: CaseFixtures) => `mx${fx.unique("u").replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 30);
const NEW_PASSWORD = "Matrix-Password-2028";

/** The sending limits of earlier calls moved out of the way (every table call comes from one address). */
async function clearSendLimits(fx: CaseFixtures) {
  sendCodesTo(OUTBOX);
  await fx.db.oneTimeCode.updateMany({ data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
}

/** A fresh phone with a code sent to it, and the code. */
async function codeFor(fx: CaseFixtures, purpose: "register" | "reset", phone = freshPhone()) {
  await clearSendLimits(fx);
  await (await callerFor(fx.db, newBrowser("10.77.0.1"))).accounts.sendCode({ phone, purpose });
  return { phone, code: OUTBOX.lastCode(phone) };
}

async function newPerson(fx: CaseFixtures) {
  const { phone, code } = await codeFor(fx, "register");
  return { name: "矩阵人", idNumber: freshIdNumber(), phone, username: freshUsername(fx), password: NEW_PASSWORD, code };
}

/** Administrators of the organisation: an office's own, or the region's. */
const staffAdmins: Rule = (principal) => {
  if (principal.role === "anonymous") return "UNAUTHORIZED";
  if (!ADMINS.includes(principal.role)) return "FORBIDDEN";
  return principal.role === "office_admin" && principal.relation !== "own" ? "FORBIDDEN" : "ok";
};
/** The same, on one account: another office's is "not found". */
const staffAccountAdmins: Rule = (principal) => (staffAdmins(principal) === "FORBIDDEN" && ADMINS.includes(principal.role) ? "NOT_FOUND" : staffAdmins(principal));

/** A staff account of the case's office, made by the region's administrator. */
async function staffAccount(fx: CaseFixtures, disabled = false) {
  const admin = await fx.as("region.admin");
  const { id } = await admin.staffAccounts.create({ organisationId: CASE_OFFICE, username: freshUsername(fx), displayName: "矩阵工作人员", role: "caseworker" });
  if (disabled) await admin.staffAccounts.disable({ userId: id });
  return { userId: id };
}

// ------------------------------------------------------------------ 消息

/** Every signed-in user reads their own messages. */
const signedInUsers = only([...APPLICANTS, ...STAFF, "auditor"], { scoped: false });
/** A message of the principal's own, or (for another) of zhangsan. */
async function message({ fx, principal }: Call) {
  const username = principal.relation === "own" && principal.username ? principal.username : "zhangsan";
  const user = await fx.db.user.findUniqueOrThrow({ where: { username } });
  const row = await fx.db.notification.create({ data: { userId: user.id, kind: "accepted", title: "矩阵测试消息", body: "矩阵测试正文", link: "/cases/matrix" } });
  return { id: row.id };
}

export const TABLE: Record<string, Entry> = {
  "accounts.sendCode": {
    who: everyone,
    input: async ({ fx }) => {
      await clearSendLimits(fx);
      return { phone: freshPhone(), purpose: "register" };
    },
  },
  "accounts.registerPerson": { who: everyone, input: async ({ fx }) => newPerson(fx) },
  "accounts.registerOrganisation": {
    who: everyone,
    input: async ({ fx }) => {
      const { phone, code } = await codeFor(fx, "register");
      return { organisationName: "矩阵测试公司", creditCode: freshCreditCode(), contactName: "矩阵人", phone, username: freshUsername(fx), password: NEW_PASSWORD, code };
    },
  },
  "accounts.resetPassword": {
    who: everyone,
    input: async ({ fx }) => {
      const person = await newPerson(fx);
      await (await callerFor(fx.db, newBrowser("10.77.0.2"))).accounts.registerPerson(person);
      const { code } = await codeFor(fx, "reset", person.phone);
      return { phone: person.phone, code, password: "Matrix-Password-2029" };
    },
  },

  "staffAccounts.list": { who: staffAdmins, input: async () => ({ organisationId: CASE_OFFICE }) },
  "staffAccounts.create": {
    who: staffAdmins,
    input: async ({ fx }) => ({ organisationId: CASE_OFFICE, username: freshUsername(fx), displayName: "矩阵工作人员", role: "caseworker" }),
  },
  "staffAccounts.disable": { who: staffAccountAdmins, input: async ({ fx }) => staffAccount(fx) },
  "staffAccounts.enable": { who: staffAccountAdmins, input: async ({ fx }) => staffAccount(fx, true) },
  "staffAccounts.resetPassword": { who: staffAccountAdmins, input: async ({ fx }) => staffAccount(fx) },
  "staffAccounts.signOutEverywhere": { who: staffAccountAdmins, input: async ({ fx }) => staffAccount(fx) },

  "auth.me": { who: everyone, input: none },
  "auth.signIn": { who: everyone, freshSession: true, input: async () => ({ username: "matrix.signin", password: TEST_DEMO_PASSWORD }) },
  "auth.signOut": { who: everyone, freshSession: true, input: none },

  "notifications.list": { who: signedInUsers, input: async () => ({ unreadOnly: false }) },
  "notifications.unreadCount": { who: signedInUsers, input: none },
  "notifications.markRead": { who: only([...APPLICANTS, ...STAFF, "auditor"], { scoped: true }), input: message },
  "notifications.markAllRead": { who: signedInUsers, input: none },
  "notifications.preferences": { who: anyApplicant, input: none },
  "notifications.savePreferences": { who: anyApplicant, input: async () => ({ email: "matrix@example.cn", byEmail: true, bySms: false }) },

  "catalogue.list": { who: everyone, input: async () => ({}) },
  "catalogue.get": { who: everyone, input: async ({ fx }) => ({ code: fx.code }) },

  "applications.offices": { who: everyone, input: async ({ fx }) => ({ code: fx.code }) },
  "applications.startDraft": { who: anyApplicant, input: async ({ fx }) => ({ code: fx.code, officeId: CASE_OFFICE }) },
  "applications.get": { who: ownApplicantData, input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner) }) },
  "applications.saveDraft": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner), formData: registrationForm(), rowVersion: 1 }),
  },
  "applications.removeAttachment": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => {
      const { applicationId, attachmentId } = await fx.attachment(principal.owner);
      return { id: applicationId, attachmentId };
    },
  },
  "applications.submit": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => ({ id: (await fx.savedDraft(principal.owner)).id, idempotencyKey: fx.unique("matrix-submit") }),
  },
  "applications.submitDirect": {
    who: anyApplicant,
    input: async ({ fx }) => ({ code: fx.code, officeId: CASE_OFFICE, formData: registrationForm(), idempotencyKey: fx.unique("matrix-direct") }),
  },
  "applications.mine": { who: anyApplicant, input: none },
  "applications.answerCorrection": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => {
      const { id, rowVersion } = await fx.waitingApplicant(principal.owner);
      return { id, formData: registrationForm(), rowVersion };
    },
  },
  "applications.withdraw": { who: ownApplicantData, input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner) }) },
  "applications.document": {
    // The applicant of the case, or its office's caseworkers and reviewers, or the staff above its office (read-only).
    who: caseFileReaders,
    input: async ({ fx, principal }) => ({ id: (await fx.submitted(principal.owner)).id, kind: "receipt" }),
  },

  "documents.get": {
    // A document issued on a case (its 受理通知书): as the case's documents, its applicant or its readers.
    who: caseFileReaders,
    input: async ({ fx, principal }) => {
      const { id } = await fx.atReview(principal.owner);
      const document = await fx.db.issuedDocument.findFirstOrThrow({ where: { applicationId: id } });
      return { id: document.id };
    },
  },
  "documents.verify": { who: everyone, input: async () => ({ code: "2222-3333-4444-5555" }) },

  "workbench.inbox": { who: only(WORKERS, { scoped: false }), input: async () => ({}) },
  "workbench.cases": { who: caseReaders("FORBIDDEN"), input: async () => ({ officeId: CASE_OFFICE }) },
  "workbench.dashboard": { who: caseReaders("FORBIDDEN"), input: async () => ({ officeId: CASE_OFFICE }) },
  "workbench.dashboardExport": { who: caseReaders("FORBIDDEN"), input: async () => ({ officeId: CASE_OFFICE, table: "office", format: "csv" }) },
  "workbench.case": { who: caseReaders("FORBIDDEN"), input: async ({ fx }) => ({ id: (await fx.submitted("zhangsan")).id }) },
  "workbench.claim": { who: readOnlyAbove(officeWorkers), input: async (call) => ({ taskId: (await taskFor(call)).taskId }) },
  "workbench.release": {
    who: readOnlyAbove(officeWorkers),
    input: async ({ fx, principal, ownWorker }) => {
      const role = principal.role === "reviewer" ? "reviewer" : "caseworker";
      const claimer = principal.relation === "own" && WORKERS.includes(principal.role) ? principal.username! : ownWorker;
      return { taskId: await fx.claimedTask(role, claimer) };
    },
  },
  "workbench.act": {
    who: readOnlyAbove(officeWorkers),
    input: async (call) => {
      const task = await taskFor(call);
      return { applicationId: task.id, taskId: task.taskId, actionId: call.principal.role === "reviewer" ? "confirm" : "accept", confirmedRisks: call.principal.role === "reviewer" ? undefined : ["risk-0"], rowVersion: task.rowVersion };
    },
  },
  "workbench.pause": {
    who: readOnlyAbove(stepHolders),
    input: async ({ fx }) => {
      const { id, rowVersion } = await fx.atReview("zhangsan");
      return { applicationId: id, reason: "等待鉴定结论", rowVersion };
    },
  },
  "workbench.resume": {
    who: readOnlyAbove(stepHolders),
    input: async ({ fx }) => {
      const { id, rowVersion } = await fx.paused("zhangsan");
      return { applicationId: id, rowVersion };
    },
  },

  "checks.run": { who: readOnlyAbove(stepHolders), input: async ({ fx }) => ({ applicationId: await checkedCase(fx, "zhangsan") }) },
  "checks.manual": {
    who: readOnlyAbove(stepHolders),
    input: async ({ fx }) => ({ applicationId: await checkedCase(fx, "zhangsan"), kind: "preCheck", item: CHECKED_ITEM, passed: true, note: "窗口核验" }),
  },
  "checks.override": {
    who: readOnlyAbove(stepHolders),
    input: async ({ fx }) => {
      const applicationId = await checkedCase(fx, "zhangsan");
      await fx.db.caseCheck.create({ data: { applicationId, kind: "preCheck", item: CHECKED_ITEM, nodeId: "intake", connectorId: "platformCases", status: "failed", source: "system" } });
      return { applicationId, item: CHECKED_ITEM, reason: "经核实为补办，非重复申领" };
    },
  },
  "checks.sharedMaterials": { who: ownApplicantData, input: async ({ fx, principal }) => ({ applicationId: await checkedCase(fx, principal.owner) }) },
  "checks.consent": { who: ownApplicantData, input: async ({ fx, principal }) => ({ applicationId: await checkedCase(fx, principal.owner), materialId: "m1" }) },

  "designer.list": { who: only(ADMINS, { scoped: false }), input: async () => ({}) },
  "designer.groups": { who: only(ADMINS, { scoped: false }), input: none },
  "designer.get": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.source": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.versions": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.version": { who: serviceReaders, input: async ({ fx, principal }) => await fx.publishedService(principal.org, principal.orgAdmin) },
  "designer.compare": {
    who: serviceReaders,
    input: async ({ fx, principal }) => {
      const { serviceId, versionId } = await fx.publishedService(principal.org, principal.orgAdmin);
      return { serviceId, beforeId: versionId, afterId: versionId };
    },
  },
  "designer.saveDraft": {
    who: serviceEditors,
    input: async ({ fx, principal }) => {
      const service = await fx.service(principal.org, principal.orgAdmin);
      return { ...service, definition: { ...fx.definition, summary: "矩阵测试的修改" } };
    },
  },
  "designer.publish": { who: serviceEditors, input: async ({ fx, principal }) => await fx.service(principal.org, principal.orgAdmin) },
  "designer.restore": {
    who: serviceEditors,
    input: async ({ fx, principal }) => ({ ...(await fx.publishedService(principal.org, principal.orgAdmin)), draftId: null, revision: null }),
  },
  "designer.createService": {
    // Under one's own organisation only: another's is refused outright (creating reveals nothing).
    who: (principal) => (serviceAdmins(principal) === "NOT_FOUND" ? "FORBIDDEN" : serviceAdmins(principal)),
    input: async ({ fx, principal }) => ({
      code: fx.unique("new").toLowerCase().replace(/[^a-z0-9-]/g, ""),
      title: "新事项",
      part: "测试",
      category: "测试",
      ownerOrgId: principal.org,
    }),
  },

  "variants.customisable": { who: only(ADMINS, { scoped: false }), input: async () => ({}) },
  "variants.create": {
    // League and banner administrators customise a service of an office above; the region's has templates, not variants.
    who: (principal) => (principal.role === "region_admin" ? "FORBIDDEN" : only(["office_admin"], { scoped: false })(principal)),
    input: async ({ fx }) => ({ parentServiceId: (await fx.publishedService("150000", "region.admin")).serviceId }),
  },
  // Readers: the owner's administrators and those above (here the league 150100 over 150102, and the region).
  "variants.status": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await behindVariant(fx, principal.org)).serviceId }) },
  "variants.rebasePreview": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await behindVariant(fx, principal.org)).serviceId }) },
  "variants.rebase": {
    who: variantEditors,
    input: async ({ fx, principal }) => {
      const { serviceId, parentVersionId } = await behindVariant(fx, principal.org);
      return { serviceId, parentVersionId, draftId: null, revision: null, resolutions: {} };
    },
  },
  "variants.overview": { who: only(ADMINS, { scoped: false }), input: none },
  "variants.behind": { who: only(ADMINS, { scoped: false }), input: none },
  "variants.overviewOf": { who: serviceReaders, input: async ({ fx, principal }) => ({ code: (await behindVariant(fx, principal.org)).code }) },
  "variants.differences": { who: serviceReaders, input: async ({ fx, principal }) => ({ serviceId: (await behindVariant(fx, principal.org)).serviceId }) },

  "internalAudit.offices": { who: only(["auditor"], { scoped: false }), input: none },
  "internalAudit.samples": { who: only(["auditor"], { scoped: false }), input: none },
  "internalAudit.sample": { who: auditorsOf150102, input: async ({ fx }) => ({ id: (await auditSample(fx)).sampleId }) },
  "internalAudit.findings": { who: auditorsOf150102, input: async () => ({ officeId: CASE_OFFICE }) },
  "internalAudit.drawSample": { who: auditorsOf150102, input: async ({ fx }) => ({ officeId: CASE_OFFICE, ...(await closedCase(fx)).period, size: 3 }) },
  "internalAudit.recordFinding": {
    who: auditorsOf150102,
    input: async ({ fx }) => {
      const { sampleId, applicationId } = await auditSample(fx);
      return { sampleId, applicationId, verdict: "issue", text: "矩阵测试的稽核意见" };
    },
  },

  "commitments.set": { who: ownApplicantData, input: async ({ fx, principal }) => ({ applicationId: await fx.draft(principal.owner), materialId: "m1", commit: true }) },
  "commitments.ofCase": { who: ownApplicantData, input: async ({ fx, principal }) => ({ applicationId: await fx.draft(principal.owner) }) },
  "commitments.followUps": { who: only(WORKERS, { scoped: false }), input: async () => ({}) },
  "commitments.settle": { who: officeWorkers, input: async ({ fx }) => ({ commitmentId: await committedCase(fx), outcome: "verified", note: "矩阵测试核查" }) },

  "calendar.year": { who: only(STAFF, { scoped: false }), input: async () => ({ year: 2026 }) },
  "calendar.setDay": { who: only(["region_admin"], { scoped: false }), input: async () => ({ date: "2031-03-04", kind: "holiday", note: "矩阵测试" }) },
  "calendar.clearDay": {
    who: only(["region_admin"], { scoped: false }),
    input: async ({ fx }) => {
      await (await fx.as("region.admin")).calendar.setDay({ date: "2031-03-05", kind: "holiday", note: "矩阵测试" });
      return { date: "2031-03-05" };
    },
  },
};

// ------------------------------------------------------------------ HTTP routes

export interface RouteEntry {
  who: Rule;
  /** Sends the request as the principal's browser (cookies and CSRF header) and returns the response. */
  send: (call: Call, http: { server: TestServer; headers: Record<string, string> }) => Promise<Response>;
}

export const ROUTES: Record<string, RouteEntry> = {
  "POST /api/files": {
    who: ownApplicantData,
    send: async ({ fx, principal }, { server, headers }) => {
      const id = await fx.draft(principal.owner);
      return fetch(`${server.base}/api/files?applicationId=${id}&materialId=m1`, {
        method: "POST",
        headers: { ...headers, origin: server.base, "x-file-name": "id.png" },
        body: Buffer.from(PNG_BYTES),
      });
    },
  },
  "GET /api/files/<id>": {
    who: caseFileReaders,
    send: async ({ fx, principal }, { server, headers }) => {
      const { attachmentId } = await fx.submittedWithAttachment(principal.owner);
      return fetch(`${server.base}/api/files/${attachmentId}`, { headers });
    },
  },
  "GET /api/form-validators/<versionId>/<formId>": {
    who: everyone,
    send: async ({ fx }, { headers }) =>
      formValidator(new Request(`http://localhost/api/form-validators/${fx.published.versionId}/registration`, { headers }), {
        params: Promise.resolve({ versionId: fx.published.versionId, formId: "registration" }),
      }),
  },
};

export const HTTP_STATUS: Record<Outcome, number> = { ok: 200, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

