/**
 * The working context of one event. Handlers change `state`, a shallow copy of the case
 * state, only by assigning its top-level fields new values, so the caller's state object
 * and everything in it stay untouched (a refused event returns it as it was).
 */
import type { IsoDate, WorkCalendar } from "../calendar";
import type { FlowIndex } from "./flowIndex";
import type { CaseState, Effect, HistoryEntry } from "./types";

export interface EventContext {
  readonly index: FlowIndex;
  readonly calendar: WorkCalendar;
  /** The event's instant, and its day in China. */
  readonly at: string;
  readonly today: IsoDate;
  /** The state as the event found it (never changed), and its working copy. */
  readonly original: CaseState;
  readonly state: CaseState;
  readonly effects: Effect[];
  /** Nodes entered since the last history entry. */
  readonly path: string[];
  /** Rebuilding a case from its recorded events (`replay.ts`), not deciding a new one. */
  readonly replaying: boolean;
}

export function createContext(
  index: FlowIndex,
  calendar: WorkCalendar,
  at: string,
  today: IsoDate,
  state: CaseState,
  replaying = false,
): EventContext {
  return { index, calendar, at, today, original: state, state: { ...state }, effects: [], path: [], replaying };
}

/** Appends a history entry carrying the nodes entered since the previous one. */
export function record(ctx: EventContext, entry: Omit<HistoryEntry, "at" | "path">): void {
  const path = ctx.path.slice();
  ctx.path.length = 0;
  ctx.state.history = [...ctx.state.history, { at: ctx.at, ...entry, path }];
}
