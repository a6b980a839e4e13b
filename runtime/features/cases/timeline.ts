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

/** 校验与共享 events: the office's own work, not shown to the applicant. */
const OFFICE_CHECKS = new Set(["check.run", "check.manual", "check.override", "sharedData.fetch", "material.reuse"]);

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
  // A decision's reason is addressed to the applicant (it is on the decision document).
  if (action.startsWith("act:")) return (typeof payload.actionKind === "string" && ADDRESSED_TO_APPLICANT.has(payload.actionKind)) || typeof payload.outcomeLabel === "string";
  return false;
}

export async function caseTimeline(db: Db, applicationId: string, options: { includeInternal: boolean }): Promise<TimelineEntry[]> {
  const events = await db.auditEvent.findMany({ where: { applicationId }, orderBy: { id: "asc" } });
  const actors = await displayNames(db, events.map((e) => e.actorId));
  const entries: TimelineEntry[] = [];
  for (const e of events) {
    const payload = (e.payload ?? {}) as Record<string, unknown>;
    // Drafts saved, documents issued before they had numbers and who looked at what belong to the audit trail, not the case's story.
    if ((e.action === "issueDocument" && typeof payload.number !== "string") || e.action === "saveDraft" || e.action === "read" || e.action === "download") continue;
    if (!options.includeInternal && (e.action === "claim" || e.action === "release" || OFFICE_CHECKS.has(e.action))) continue;
    let label = caseActionLabels[e.action] ?? e.action;
    if (e.action.startsWith("act:")) {
      label = String(payload.actionLabel ?? "办理");
      // A decision step: the outcome is part of what was done (作出决定：认定工伤).
      if (typeof payload.outcomeLabel === "string") label = `${label}：${payload.outcomeLabel}${typeof payload.amount === "string" ? `（核定金额 ${payload.amount} 元）` : ""}`;
    }
    if (e.action === "issueDocument") label = `出具《${String(payload.title)}》（${String(payload.number)}）`;
    // 校验与共享 events word themselves (which system answered what).
    if (typeof payload.timelineLabel === "string") label = payload.timelineLabel;
    if (e.action === "notify") {
      if (payload.recipient !== "applicant") continue;
      label = String(payload.message ?? "通知");
    }
    entries.push({
      at: e.at,
      action: e.action,
      label,
      actorName: e.action === "notify" || e.action === "issueDocument" ? null : (actors.get(e.actorId ?? "") ?? null),
      comment: e.action === "issueDocument" ? null : options.includeInternal || toApplicant(e.action, e.actorRole, payload) ? commentOf(payload) : null,
      items: Array.isArray(payload.correctionItems)
        ? payload.correctionItems.map(String)
        : Array.isArray(payload.timelineItems)
          ? payload.timelineItems.map(String)
          : // staff see where a filing's typed ID differs from the account's (runtime/forms/identity.ts)
            options.includeInternal && Array.isArray(payload.identityFlags)
            ? payload.identityFlags.map(String)
            : [],
    });
  }
  return entries;
}
