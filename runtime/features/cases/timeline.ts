/** A case's timeline: its audit events, in order, worded for people. */
import "server-only";
import type { Db } from "@/runtime/db";
import { caseActionLabels } from "@/runtime/definition/labels";
import { displayNames } from "../users/displayNames";

export interface TimelineEntry {
  at: Date;
  action: string;
  label: string;
  actorName: string | null;
  comment: string | null;
  items: string[];
}

/** What staff act with, whose reason is addressed to the applicant (the decision, the correction list); every other staff opinion is internal. */
const ADDRESSED_TO_APPLICANT = new Set(["reject", "terminate", "correction"]);

function commentOf(payload: Record<string, unknown>): string | null {
  return typeof payload.comment === "string" ? payload.comment : typeof payload.reason === "string" ? payload.reason : null;
}

/**
 * Whether the applicant sees an event's comment: their own, a refusal's, termination's or
 * correction's reason, and why the case was paused (they are told it). Staff opinions on
 * internal steps (审核通过 with an opinion, 恢复办理's note) stay with the office.
 */
function toApplicant(action: string, actorRole: string | null, payload: Record<string, unknown>): boolean {
  if (actorRole === "applicant" || actorRole === null) return true;
  if (action === "pause") return true;
  if (action.startsWith("act:")) return typeof payload.actionKind === "string" && ADDRESSED_TO_APPLICANT.has(payload.actionKind);
  return false;
}

export async function caseTimeline(db: Db, applicationId: string, options: { includeInternal: boolean }): Promise<TimelineEntry[]> {
  const events = await db.auditEvent.findMany({ where: { applicationId }, orderBy: { id: "asc" } });
  const actors = await displayNames(db, events.map((e) => e.actorId));
  const entries: TimelineEntry[] = [];
  for (const e of events) {
    const payload = (e.payload ?? {}) as Record<string, unknown>;
    // Drafts saved, documents issued and who looked at what belong to the audit trail, not the case's story.
    if (e.action === "issueDocument" || e.action === "saveDraft" || e.action === "read" || e.action === "download") continue;
    if (!options.includeInternal && (e.action === "claim" || e.action === "release")) continue;
    let label = caseActionLabels[e.action] ?? e.action;
    if (e.action.startsWith("act:")) label = String(payload.actionLabel ?? "办理");
    if (e.action === "notify") {
      if (payload.recipient !== "applicant") continue;
      label = String(payload.message ?? "通知");
    }
    entries.push({
      at: e.at,
      action: e.action,
      label,
      actorName: e.action === "notify" ? null : (actors.get(e.actorId ?? "") ?? null),
      comment: options.includeInternal || toApplicant(e.action, e.actorRole, payload) ? commentOf(payload) : null,
      items: Array.isArray(payload.correctionItems)
        ? payload.correctionItems.map(String)
        : // staff see where a filing's typed ID differs from the account's (runtime/forms/identity.ts)
          options.includeInternal && Array.isArray(payload.identityFlags)
          ? payload.identityFlags.map(String)
          : [],
    });
  }
  return entries;
}
