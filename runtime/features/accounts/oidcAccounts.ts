/**
 * Which local applicant account an OpenID Connect sign-in opens: the one already linked to the
 * provider's subject (per issuer); else the person account holding the resident ID the provider
 * vouches for (`<claim>_verified: true`), which is then linked; else a new person account made
 * from the claims. Then a session, exactly as a password sign-in opens one, audited `signIn`.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { recordSignIn, type IssuedSession } from "@/runtime/auth/session";
import { newToken } from "@/runtime/auth/tokens";
import { residentIdProblem } from "@/runtime/forms/formats";
import { writeWithPrisma, type AuditSink } from "@/runtime/write";

export interface OidcClaims {
  issuer: string;
  subject: string;
  name?: string;
  /** A resident ID the provider vouches for. */
  verifiedIdNumber?: string;
  /** A mobile number the provider vouches for. */
  verifiedPhone?: string;
}

/** Reads the claims this platform uses from the ID token and userinfo claims. */
export function readClaims(issuer: string, claims: Record<string, unknown>, idNumberClaim: string): OidcClaims {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const idNumber = text(claims[idNumberClaim])?.toUpperCase();
  const phone = text(claims.phone_number)?.replace(/^\+?86/, "");
  return {
    issuer,
    subject: String(claims.sub),
    name: text(claims.name)?.slice(0, 60),
    verifiedIdNumber: idNumber && claims[`${idNumberClaim}_verified`] === true && residentIdProblem(idNumber) === null ? idNumber : undefined,
    verifiedPhone: phone && claims.phone_number_verified === true && /^1[3-9]\d{9}$/.test(phone) ? phone : undefined,
  };
}

export class OidcSignInRefused extends Error {
  constructor(readonly reason: "disabled" | "staff") {
    super(reason);
  }
}

async function findOrCreate(tx: Tx, audit: AuditSink, claims: OidcClaims): Promise<{ id: string; username: string; kind: string; disabledAt: Date | null; how: "linked" | "matched" | "created" }> {
  const identity = await tx.oidcIdentity.findUnique({ where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } }, include: { user: true } });
  if (identity) return { ...identity.user, how: "linked" };
  const holder = claims.verifiedIdNumber ? await tx.user.findUnique({ where: { idNumber: claims.verifiedIdNumber } }) : null;
  let user = holder;
  let how: "matched" | "created" = "matched";
  if (!user) {
    how = "created";
    const phoneFree = claims.verifiedPhone && !(await tx.user.findUnique({ where: { phone: claims.verifiedPhone }, select: { id: true } }));
    user = await tx.user.create({
      data: {
        username: `sso.${newToken().slice(0, 12).toLowerCase().replace(/[^a-z0-9]/g, "x")}`,
        displayName: claims.name ?? "统一身份认证用户",
        kind: "person",
        // No password opens this account until one is set through 找回密码.
        passwordHash: `!oidc:${newToken()}`,
        idNumber: claims.verifiedIdNumber ?? null,
        phone: phoneFree ? claims.verifiedPhone : null,
      },
    });
    audit.record({ action: "register", actorRole: "person", entityType: "user", entityId: user.id, payload: { kind: "person", username: user.username, method: "oidc", issuer: claims.issuer } });
  }
  if (user.kind === "staff") throw new OidcSignInRefused("staff");
  await tx.oidcIdentity.create({ data: { issuer: claims.issuer, subject: claims.subject, userId: user.id } });
  if (how === "matched") {
    audit.record({ action: "oidcLinked", actorRole: user.kind, entityType: "user", entityId: user.id, payload: { issuer: claims.issuer, by: "idNumber" } });
  }
  return { ...user, how };
}

/** Opens a session for the account the claims name (creating or linking it in the same write). */
export async function signInWithOidc(db: Db, claims: OidcClaims, request: { ip: string; userAgent?: string }): Promise<IssuedSession> {
  const user = await writeWithPrisma(db, null, async ({ tx, audit }) => {
    const found = await findOrCreate(tx, audit, claims);
    if (found.how === "linked") audit.unchanged();
    return found;
  });
  if (user.kind === "staff") throw new OidcSignInRefused("staff");
  if (user.disabledAt) throw new OidcSignInRefused("disabled");
  const kind = user.kind as "person" | "organisation";
  return writeWithPrisma(db, { id: user.id, kind }, async ({ tx, audit }) => {
    const outcome = await recordSignIn(tx, { username: user.username, password: "", ip: request.ip, userAgent: request.userAgent }, { ok: true, user: { id: user.id, kind } });
    if (!outcome.ok) throw outcome.error;
    audit.record({ action: "signIn", entityType: "user", entityId: user.id, payload: { method: "oidc", issuer: claims.issuer, account: user.how } });
    return outcome.session;
  });
}
