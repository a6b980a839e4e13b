/**
 * The engine's entry point: `applyEvent(flow, state, event)` → the next state and the
 * effects to carry out, or a refusal that leaves the state as it was (the same object).
 *
 * Pure: no I/O, no clock of its own (time comes in `event.at`). A case is driven by the
 * flow of the definition version it was submitted under: pass that flow on every event.
 * Replaying a case's events from `null` rebuilds its state.
 */
import { CalendarError, chinaDateOf, createWorkCalendar, type WorkCalendar } from "../calendar";
import type { Flow } from "../definition/schema";
import { syncCaseClock } from "./caseClock";
import { createContext, type EventContext } from "./context";
import { EngineError } from "./errors";
import { act } from "./events/act";
import { pause } from "./events/pause";
import { resume } from "./events/resume";
import { newCaseState, submit } from "./events/submit";
import { timer } from "./events/timer";
import { withdraw } from "./events/withdraw";
import { indexFlow } from "./flowIndex";
import { statusOf } from "./status";
import type { CaseEvent, CaseState, EngineResult } from "./types";

export interface EngineOptions {
  /** Working-day calendar with administrators' overrides; the official schedule alone by default. */
  calendar?: WorkCalendar;
  /**
   * Replaying recorded events (`replayCase`): an event recorded under an earlier rule is rebuilt as
   * it was applied. Only the withdrawal stage rule (`withdrawal.ts`) is relaxed by it.
   */
  replaying?: boolean;
}

const officialCalendar = createWorkCalendar();

function checkEventTime(event: CaseEvent, state: CaseState | null): void {
  const time = typeof event.at === "string" ? Date.parse(event.at) : Number.NaN;
  if (Number.isNaN(time)) throw new EngineError("INVALID_EVENT", `事件时间“${String(event.at)}”无效，应为 ISO 8601 格式`);
  if (state && time < Date.parse(state.lastEventAt)) {
    throw new EngineError("INVALID_EVENT", `事件时间 ${event.at} 早于办件最近一次办理时间 ${state.lastEventAt}`);
  }
}

/** Runs the event's handler; false when the event changed nothing (a quiet timer tick). */
function handle(ctx: EventContext, event: CaseEvent): boolean {
  switch (event.type) {
    case "submit":
      submit(ctx, event);
      return true;
    case "act":
      act(ctx, event);
      return true;
    case "timer":
      return timer(ctx);
    case "pause":
      pause(ctx, event);
      return true;
    case "resume":
      resume(ctx, event);
      return true;
    case "withdraw":
      withdraw(ctx, event);
      return true;
    default:
      throw new EngineError("INVALID_EVENT", `不支持的事件类型“${(event as { type?: unknown }).type}”`);
  }
}

function run(flow: Flow, state: CaseState | null, event: CaseEvent, calendar: WorkCalendar, replaying: boolean): EngineResult {
  checkEventTime(event, state);
  let current: CaseState;
  if (event.type === "submit") {
    if (state) throw new EngineError("CASE_ALREADY_SUBMITTED", "办件已提交，不能重复提交");
    current = newCaseState(event);
  } else {
    if (!state) throw new EngineError("CASE_NOT_STARTED", "办件尚未提交");
    current = state;
  }
  const ctx = createContext(indexFlow(flow), calendar, event.at, chinaDateOf(event.at), current, replaying);
  if (!handle(ctx, event)) return { ok: true, state: current, effects: [] };
  syncCaseClock(ctx);
  ctx.state.status = statusOf(ctx.state);
  ctx.state.lastEventAt = event.at;
  return { ok: true, state: ctx.state, effects: ctx.effects };
}

export function applyEvent(flow: Flow, state: CaseState | null, event: CaseEvent, options: EngineOptions = {}): EngineResult {
  try {
    return run(flow, state, event, options.calendar ?? officialCalendar, options.replaying === true);
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, state, error };
    if (error instanceof CalendarError) return { ok: false, state, error: new EngineError("INVALID_EVENT", error.message) };
    throw error;
  }
}
