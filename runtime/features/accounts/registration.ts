/**
 * Applicants get their own accounts: a person (name, resident ID, mobile) or an organisation
 * (name, unified social credit code, 经办人, mobile) registers after proving the phone with a
 * one-time code; a forgotten password is reset the same way. Staff accounts are never made here.
 */
import "server-only";
import { endUserSessions } from "@/runtime/auth/session";
import type { Db, Tx } from "@/runtime/db";
import { AppError, conflict } from "@/runtime/errors";
import { hashPassword } from "@/runtime/auth/password";
import { passwordProblem } from "@/runtime/auth/passwordRules";
import { writeWithPrisma, type AuditSink } from "@/runtime/write";
import { notificationChannel } from "@/runtime/notify/channel";
import { CODE_TTL_MINUTES, RESEND_INTERVAL_SECONDS, consumeCode, issueCode, maskPhone, type CodePurpose } from "./oneTimeCodes";
import type { RegisterOrganisationInput, RegisterPersonInput, ResetPasswordInput } from "./inputs";

const purposeText: Record<CodePurpose, string> = { register: "注册账号", reset: "找回密码" };

export interface CodeSent {
  sentTo: string;
  expiresInMinutes: number;
  resendAfterSeconds: number;
}

/**
 * Sends a code for registering (refused when the phone already has an account) or for a
 * password reset (answered the same whether or not an applicant account has the phone, so the
 * answer does not tell who is registered; a code goes out only when one has).
 */
export async function sendCode(db: Db, input: { phone: string; purpose: CodePurpose }, ip: string, now = new Date()): Promise<CodeSent> {
  const answer = { sentTo: maskPhone(input.phone), expiresInMinutes: CODE_TTL_MINUTES, resendAfterSeconds: RESEND_INTERVAL_SECONDS };
  const holder = await db.user.findUnique({ where: { phone: input.phone }, select: { kind: true } });
  if (input.purpose === "register" && holder) throw phoneTaken();
  if (input.purpose === "reset" && (!holder || holder.kind === "staff")) return answer;
  const issued = await writeWithPrisma(db, null, async ({ tx, audit }) => {
    const code = await issueCode(tx, { phone: input.phone, purpose: input.purpose, ip }, now);
    audit.record({ action: "codeSent", actorRole: "anonymous", entityType: "user", entityId: code.id, payload: { purpose: input.purpose, phone: maskPhone(input.phone), ip } });
    return code;
  });
  await notificationChannel().send({
    phone: input.phone,
    text: `【人社公共服务平台】验证码：${issued.code}，用于${purposeText[input.purpose]}，${CODE_TTL_MINUTES}分钟内有效。请勿告诉他人。`,
  });
  return answer;
}

const phoneTaken = () => conflictOn("phone", "该手机号已注册，请直接登录或找回密码");

function conflictOn(path: string, message: string): AppError {
  return new AppError("CONFLICT", message, [{ path, message }], "duplicate");
}

/** The first of the account's unique facts that another account already holds. */
async function duplicateOf(tx: Tx, facts: { username: string; phone: string; idNumber?: string; creditCode?: string }): Promise<AppError | null> {
  if (facts.idNumber && (await tx.user.findUnique({ where: { idNumber: facts.idNumber }, select: { id: true } }))) {
    return conflictOn("idNumber", "该居民身份证号已注册账号，请直接登录或找回密码");
  }
  if (facts.creditCode && (await tx.user.findUnique({ where: { creditCode: facts.creditCode }, select: { id: true } }))) {
    return conflictOn("creditCode", "该统一社会信用代码已注册单位账号，请直接登录或找回密码");
  }
  if (await tx.user.findUnique({ where: { phone: facts.phone }, select: { id: true } })) return phoneTaken();
  if (await tx.user.findUnique({ where: { username: facts.username }, select: { id: true } })) {
    return conflictOn("username", "该用户名已被使用，请换一个");
  }
  return null;
}

function checkPassword(password: string, facts: string[]): void {
  const problem = passwordProblem(password) ?? (facts.some((fact) => fact && password.includes(fact)) ? "密码不能包含用户名、手机号或证件号码" : null);
  if (problem) throw new AppError("BAD_REQUEST", problem, [{ path: "password", message: problem }]);
}

/** Uses the phone's code inside the write: a refusal is recorded (and the attempt counted) before it is thrown. */
async function requireCode(tx: Tx, audit: AuditSink, input: { phone: string; code: string; purpose: CodePurpose }, ip: string, now: Date): Promise<AppError | null> {
  const check = await consumeCode(tx, input, now);
  if (check.ok) return null;
  audit.record({ action: "codeRejected", actorRole: "anonymous", entityType: "user", entityId: check.id ?? maskPhone(input.phone), payload: { purpose: input.purpose, phone: maskPhone(input.phone), ip } });
  return check.error;
}

interface NewApplicant {
  kind: "person" | "organisation";
  username: string;
  displayName: string;
  phone: string;
  idNumber?: string;
  creditCode?: string;
  contactName?: string;
  password: string;
  code: string;
}

async function register(db: Db, account: NewApplicant, ip: string, now: Date): Promise<{ userId: string; username: string }> {
  checkPassword(account.password, [account.username, account.phone, account.idNumber ?? "", account.creditCode ?? ""]);
  const passwordHash = await hashPassword(account.password);
  const outcome = await writeWithPrisma(db, null, async ({ tx, audit }) => {
    const duplicate = await duplicateOf(tx, account);
    if (duplicate) throw duplicate;
    const refused = await requireCode(tx, audit, { phone: account.phone, code: account.code, purpose: "register" }, ip, now);
    if (refused) return { refused };
    const user = await tx.user.create({
      data: {
        username: account.username,
        displayName: account.displayName,
        kind: account.kind,
        passwordHash,
        phone: account.phone,
        idNumber: account.idNumber ?? null,
        creditCode: account.creditCode ?? null,
        contactName: account.contactName ?? null,
        createdAt: now,
      },
    });
    audit.record({ action: "register", actorRole: account.kind, entityType: "user", entityId: user.id, payload: { kind: account.kind, username: account.username, method: "phone" } });
    return { user };
  }).catch((error: unknown) => {
    // Two registrations racing for the same facts: the unique index refuses the second.
    if ((error as { code?: string }).code === "P2002") throw conflict("该账号信息已被注册，请直接登录或找回密码", "duplicate");
    throw error;
  });
  if ("refused" in outcome) throw outcome.refused;
  return { userId: outcome.user.id, username: outcome.user.username };
}

export function registerPerson(db: Db, input: RegisterPersonInput, ip: string, now = new Date()) {
  return register(db, { kind: "person", displayName: input.name, ...input }, ip, now);
}

export function registerOrganisation(db: Db, input: RegisterOrganisationInput, ip: string, now = new Date()) {
  return register(db, { kind: "organisation", displayName: input.organisationName, ...input }, ip, now);
}

/** A new password for the applicant account holding the phone; every session of the account ends. */
export async function resetPassword(db: Db, input: ResetPasswordInput, ip: string, now = new Date()): Promise<{ username: string }> {
  const holder = await db.user.findUnique({ where: { phone: input.phone } });
  const applicant = holder && holder.kind !== "staff" ? holder : null;
  if (applicant) checkPassword(input.password, [applicant.username, input.phone, applicant.idNumber ?? "", applicant.creditCode ?? ""]);
  const passwordHash = await hashPassword(input.password);
  const outcome = await writeWithPrisma(db, null, async ({ tx, audit }) => {
    const refused = await requireCode(tx, audit, { phone: input.phone, code: input.code, purpose: "reset" }, ip, now);
    if (refused) return { refused };
    // No code is ever sent for a phone without an applicant account, so a right code means one.
    if (!applicant) return { refused: new AppError("BAD_REQUEST", "该手机号未注册申请人账号") };
    await tx.user.update({ where: { id: applicant.id }, data: { passwordHash } });
    // Every session of the account ends at once, on every instance (its authVersion moves).
    const ended = await endUserSessions(tx, applicant.id);
    audit.record({ action: "passwordReset", actorRole: applicant.kind, entityType: "user", entityId: applicant.id, payload: { method: "phone", sessionsEnded: ended } });
    return { username: applicant.username };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome;
}
