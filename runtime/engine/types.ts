/**
 * The data the flow engine reads and returns: case state, events and effects. All of it
 * is plain JSON, so a state can be stored as it is and events replayed.
 *
 * Times: `at` fields are ISO 8601 instants passed in by the caller; deadlines (`dueOn`)
 * are `YYYY-MM-DD` days in China time and mean "by the end of that day".
 */
import type { IsoDate, PausedInterval, TimeLimit } from "../calendar";
import type { ActionKind, EndNode, TaskRole } from "../definition/schema";
import type { EngineError } from "./errors";

export type CaseStatus = "running" | "waiting_applicant" | "paused" | "closed";
export type Outcome = EndNode["outcome"];

/** One form's data; `forms` maps form id → data. */
export type FormData = Record<string, unknown>;
export type FormsData = Record<string, FormData>;

export interface Actor {
  role: TaskRole;
  /** The user, when the caller knows it; recorded in the history only. */
  id?: string;
}

/**
 * A clock counting towards a time limit. It starts on `startedOn` (counting from the next
 * day); while it stands still `stoppedSince` is set and `dueOn` is null; each stretch it
 * stood still is kept in `pausedIntervals` and moves the deadline.
 */
export interface Clock {
  startedOn: IsoDate;
  limit: TimeLimit | null;
  pausedIntervals: PausedInterval[];
  stoppedSince: IsoDate | null;
  dueOn: IsoDate | null;
  /** Whether the `overdue` effect has been emitted for the current deadline. */
  overdueReported: boolean;
}

/** The step that asked for a correction, kept to be reopened when the applicant resubmits. */
export interface SuspendedTask {
  taskId: string;
  nodeId: string;
  clock: Clock;
}

/** 一次性告知: what the applicant must correct, and who asked. */
export interface CorrectionRequest {
  items: string[];
  /** Ids of the forms the request named for correction: the applicant may change these too. Absent when none. */
  forms?: string[];
  requestedAt: string;
  askedBy: SuspendedTask;
}

/** A task waiting to be done (a token on a task node). */
export interface ActiveTask {
  /** Unique within the case: `<nodeId>#<n>`. */
  taskId: string;
  nodeId: string;
  role: TaskRole;
  openedAt: string;
  clock: Clock;
  /** Set on the applicant's 补正 task: submitting it returns the case to the asker. */
  correction: CorrectionRequest | null;
}

export interface HistoryEntry {
  at: string;
  event: CaseEvent["type"];
  /** Null for what the engine did by itself (a public notice ending). */
  actor: Actor | null;
  /** The task acted on, for `act` and a public notice ending. */
  taskId?: string;
  nodeId?: string;
  actionId?: string;
  actionKind?: ActionKind;
  comment?: string;
  correctionItems?: string[];
  correctionForms?: string[];
  /** The outcome a decision step recorded, and the amount it fixed (核定). */
  outcomeId?: string;
  amount?: string;
  /** Nodes entered because of this event, in order (gateways, tasks, end). */
  path: string[];
}

export interface CaseState {
  status: CaseStatus;
  tasks: ActiveTask[];
  forms: FormsData;
  applicant: Record<string, unknown>;
  history: HistoryEntry[];
  submittedAt: string;
  /** When the case was accepted (受理): the first `approve` by staff. */
  acceptedAt: string | null;
  closedAt: string | null;
  outcome: Outcome | null;
  outcomeReason: string | null;
  /** The decision a decision step recorded (认定工伤 …); absent on cases without one. */
  decision?: CaseDecision | null;
  /** 中止: set while the case is paused. */
  pause: { since: string; reason: string } | null;
  /** The case's own limit (承诺/法定办结时限), given at submission. */
  caseLimit: TimeLimit | null;
  /** The case clock; starts on acceptance (自受理之日起). */
  caseClock: Clock | null;
  /** Counter behind task ids. */
  taskSequence: number;
  /** The latest event's time; an event before it is refused. */
  lastEventAt: string;
}

/** The outcome of a decision step as recorded on the case. */
export interface CaseDecision {
  outcomeId: string;
  label: string;
  favourable: boolean;
  /** The reason given (required for unfavourable outcomes). */
  reason: string | null;
  /** The amount fixed (核定), as entered: a decimal number of yuan. */
  amount: string | null;
  nodeId: string;
  taskId: string;
  decidedAt: string;
  documentTitle: string;
}

export interface SubmitEvent {
  type: "submit";
  at: string;
  /** Who filed it: the applicant, or staff entering it at the counter (recorded only). */
  actor?: Actor;
  applicant?: Record<string, unknown>;
  forms?: FormsData;
  /** The case limit for this channel (e.g. 线上 3 个工作日), if any. */
  caseLimit?: TimeLimit | null;
  /** When the flow starts with the applicant's filing step offering several procedures: the submit action chosen. */
  submitAction?: string;
}

export interface ActEvent {
  type: "act";
  at: string;
  /** The active task's id, or its node id. */
  taskId: string;
  actionId: string;
  actor: Actor;
  comment?: string;
  /** For a `correction` action: every item the applicant must correct (一次性告知). */
  correctionItems?: string[];
  /** For a `correction` action: ids of the forms the applicant must correct, opened to the 补正 besides the step's own. */
  correctionForms?: string[];
  /** At a decision step (a node with `outcomes`): the outcome chosen with the passing action. */
  outcomeId?: string;
  /** The amount the outcome fixes, where it states one (核定金额). */
  amount?: string;
  /** Form data to merge (field by field) into forms the task may edit. */
  forms?: FormsData;
}

export interface TimerEvent {
  type: "timer";
  at: string;
}

export interface PauseEvent {
  type: "pause";
  at: string;
  actor: Actor;
  reason: string;
}

export interface ResumeEvent {
  type: "resume";
  at: string;
  actor: Actor;
  comment?: string;
}

export interface WithdrawEvent {
  type: "withdraw";
  at: string;
  actor: Actor;
  reason?: string;
}

export type CaseEvent = SubmitEvent | ActEvent | TimerEvent | PauseEvent | ResumeEvent | WithdrawEvent;

export type NotificationKind =
  | "accepted"
  | "correctionRequested"
  | "correctionSubmitted"
  | "paused"
  | "resumed"
  | "completed"
  | "refused"
  | "terminated"
  | "withdrawn"
  | "decided";

export type DocumentKind =
  | "acceptanceReceipt" // 受理回执
  | "correctionNotice" // 补正材料通知书（一次性告知书）
  | "refusalDecision" // 不予受理决定书 / 不予办理决定书
  | "terminationNotice" // 终止办理告知书
  | "completionNotice" // 办结通知书
  | "decision"; // the document the recorded outcome names (认定工伤决定书 …)

export type Effect =
  | { type: "openTask"; taskId: string; nodeId: string; label: string; role: TaskRole; dueOn: IsoDate | null }
  | { type: "closeTask"; taskId: string; nodeId: string; actionId: string | null }
  | {
      type: "notify";
      recipient: "applicant" | "caseworker";
      kind: NotificationKind;
      message: string;
      correctionItems?: string[];
      reason?: string;
    }
  | { type: "issueDocument"; document: DocumentKind; title: string; reason?: string; outcomeId?: string }
  | { type: "setDeadline"; scope: "case" | "task"; taskId?: string; dueOn: IsoDate | null }
  | { type: "overdue"; scope: "case" | "task"; taskId?: string; nodeId?: string; dueOn: IsoDate };

export type EngineResult =
  | { ok: true; state: CaseState; effects: Effect[] }
  | { ok: false; state: CaseState | null; error: EngineError };
