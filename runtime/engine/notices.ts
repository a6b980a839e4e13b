/**
 * The notifications and documents the engine asks for, with their Chinese wording.
 * Delivery (SMS, 站内信) and rendering of the documents are the caller's business.
 */
import type { EventContext } from "./context";
import type { CaseDecision, Outcome } from "./types";

export function noticeAccepted(ctx: EventContext): void {
  ctx.effects.push(
    { type: "notify", recipient: "applicant", kind: "accepted", message: "您的申请已受理。" },
    { type: "issueDocument", document: "acceptanceReceipt", title: "受理回执" },
  );
}

export function noticeCorrectionRequested(ctx: EventContext, items: string[], comment: string | undefined): void {
  const list = items.map((item, position) => `${position + 1}. ${item}`).join("\n");
  ctx.effects.push(
    {
      type: "notify",
      recipient: "applicant",
      kind: "correctionRequested",
      message: `您的申请材料需要补正，请一次性补齐以下内容后重新提交：\n${list}`,
      correctionItems: items,
      ...(comment ? { reason: comment } : {}),
    },
    { type: "issueDocument", document: "correctionNotice", title: "补正材料通知书（一次性告知书）" },
  );
}

/** A decision step's outcome: the applicant is told, and the document it names is issued. */
export function noticeDecision(ctx: EventContext, decision: CaseDecision): void {
  const reason = decision.reason ? { reason: decision.reason } : {};
  ctx.effects.push(
    {
      type: "notify",
      recipient: "applicant",
      kind: "decided",
      message: `您的办件已作出决定：${decision.label}${decision.reason ? `，理由：${decision.reason}` : ""}。请查阅《${decision.documentTitle}》。`,
      ...reason,
    },
    { type: "issueDocument", document: "decision", title: decision.documentTitle, outcomeId: decision.outcomeId, ...reason },
  );
}

export function noticeCorrectionSubmitted(ctx: EventContext): void {
  ctx.effects.push({
    type: "notify",
    recipient: "caseworker",
    kind: "correctionSubmitted",
    message: "申请人已提交补正材料，办件回到原环节继续办理。",
  });
}

export function noticePaused(ctx: EventContext, reason: string): void {
  ctx.effects.push({ type: "notify", recipient: "applicant", kind: "paused", message: `您的办件已中止办理，理由：${reason}`, reason });
}

export function noticeResumed(ctx: EventContext): void {
  ctx.effects.push({ type: "notify", recipient: "applicant", kind: "resumed", message: "您的办件已恢复办理。" });
}

/** What the applicant (or, on withdrawal, the office) is told when the case closes. */
export function noticeClosed(ctx: EventContext, outcome: Outcome, reason: string | null): void {
  const because = reason ? { reason } : {};
  const why = reason ? `，理由：${reason}` : "";
  switch (outcome) {
    case "completed":
      ctx.effects.push(
        { type: "notify", recipient: "applicant", kind: "completed", message: "您的办件已办结。" },
        { type: "issueDocument", document: "completionNotice", title: "办结通知书" },
      );
      return;
    case "refused": {
      const title = ctx.state.acceptedAt === null ? "不予受理决定书" : "不予办理决定书";
      ctx.effects.push(
        { type: "notify", recipient: "applicant", kind: "refused", message: `您的申请未予通过${why}`, ...because },
        { type: "issueDocument", document: "refusalDecision", title, ...because },
      );
      return;
    }
    case "terminated":
      ctx.effects.push(
        { type: "notify", recipient: "applicant", kind: "terminated", message: `您的办件已终止办理${why}`, ...because },
        { type: "issueDocument", document: "terminationNotice", title: "终止办理告知书", ...because },
      );
      return;
    case "withdrawn":
      ctx.effects.push({ type: "notify", recipient: "caseworker", kind: "withdrawn", message: `申请人已撤回申请${why}`, ...because });
      return;
  }
}
