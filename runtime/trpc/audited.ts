/** The last two steps of every mutation: act in a transaction, then write the audit event in it. */
import "server-only";
import type { Db, Tx } from "../db";
import type { SessionUser } from "../auth/roles";

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  applicationId?: string;
  organisationId?: string;
  actorRole?: string;
  payload?: unknown;
}

export async function audited<T>(
  db: Db,
  actor: SessionUser | null,
  act: (tx: Tx) => Promise<{ result: T; audit: AuditEntry }>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const { result, audit } = await act(tx);
    await tx.auditEvent.create({
      data: {
        actorId: actor?.id ?? null,
        actorRole: audit.actorRole ?? actor?.kind ?? null,
        organisationId: audit.organisationId ?? null,
        applicationId: audit.applicationId ?? null,
        entityType: audit.entityType,
        entityId: audit.entityId,
        action: audit.action,
        payload: (audit.payload ?? null) as never,
      },
    });
    return result;
  });
}
