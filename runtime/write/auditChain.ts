/**
 * The audit trail's hash chain (pure): each event carries the hash of the one before it and
 * its own hash over (previous hash, its fields), so an edited, removed or inserted event breaks
 * the chain from that point on. The head row (AuditHead) holds the last hash and the count;
 * every write transaction locks it while appending, so the chain has one order.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEvent {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  applicationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  payload: unknown;
}

/** JSON with object keys sorted at every level (PostgreSQL's jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  const fields = [
    event.at.toISOString(),
    event.actorId,
    event.actorRole,
    event.organisationId,
    event.applicationId,
    event.entityType,
    event.entityId,
    event.action,
    canonicalJson(event.payload),
  ];
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex");
}

/** Links `events` after `prevHash`: each with its prevHash and hash, in order. */
export function linkEvents<E extends ChainedEvent>(prevHash: string, events: E[]): (E & { prevHash: string; hash: string })[] {
  let prev = prevHash;
  return events.map((event) => {
    const hash = chainHash(prev, event);
    const linked = { ...event, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}
