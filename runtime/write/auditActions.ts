/**
 * Every action the audit trail records, one place. A mutation names its action(s) in its
 * tRPC meta (`{ audit: … }`); the write path refuses to commit a mutation that recorded none,
 * and tests/integration/auditEvents.test.ts calls every mutation and checks its event.
 */
export const AUDIT_ACTIONS = [
  // accounts
  "signIn",
  "signInFailed",
  "signOut",
  "createdFromCommandLine",
  "passwordResetFromCommandLine",
  // applicants' own accounts: one-time codes, registration, password reset by phone
  "codeSent",
  "codeRejected",
  "register",
  "passwordReset",
  "oidcLinked",
  // staff accounts, by their administrators
  "account.create",
  "account.disable",
  "account.enable",
  "account.resetPassword",
  "account.signOutEverywhere",
  // applicants' cases
  "create",
  "saveDraft",
  "deleteDraft",
  "submit",
  "withdraw",
  "attach",
  "detach",
  // caseworkers and the engine
  "claim",
  "release",
  "pause",
  "resume",
  "timer",
  "notify",
  "issueDocument",
  "overdue",
  // 校验与共享 (runtime/features/checks): what a system answered, checks by hand, overrides, shared data, reused materials
  "check.run",
  "check.manual",
  "check.override",
  "sharedData.fetch",
  "material.reuse",
  "material.consent",
  // designer
  "draft.create",
  "draft.save",
  "version.publish",
  "version.restore",
  "service.create",
  "service.copy",
  // local variants
  "variant.create",
  "variantRebased",
  // working calendar
  "setDay",
  "clearDay",
  // who saw what: staff reading a case, anyone downloading an applicant's file
  "read",
  "download",
  // 消息: marking read, an applicant's choice of channels
  "notification.read",
  "notification.readAll",
  "notification.preferences",
  // 内控稽核: drawing a sample, recording a finding; 告知承诺制: committing, 事后核查
  "auditSample.draw",
  "auditFinding.record",
  "commitment.set",
  "commitment.withdraw",
  "commitment.settle",
  // interchange and seeding
  "import",
  "seed",
] as const;

/** `act:<actionId>`: a step's action (受理, 审核通过, 一次性告知 …) as the flow names it. */
export type StepAction = `act:${string}`;
export type AuditAction = (typeof AUDIT_ACTIONS)[number] | StepAction;

export type AuditEntity = "user" | "application" | "task" | "attachment" | "Service" | "ServiceVersion" | "calendar" | "notification" | "auditSample" | "auditFinding" | "commitment";

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  applicationId?: string | null;
  organisationId?: string | null;
  /** Defaults to the actor's kind (`staff`, `person`, `organisation`), or `system`. */
  actorRole?: string;
  payload?: unknown;
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value) || /^act:.+/.test(value);
}
