/**
 * The case clock (办结时限). It starts when the case is accepted (时限自受理之日起算) and
 * stands still while the case is paused (中止) or waits only at steps whose clock stops
 * (补正 by the applicant, 公示).
 */
import { restartClock, startClock, stopClock } from "./clock";
import type { EventContext } from "./context";
import { taskNodeOf } from "./flowIndex";

export function startCaseClock(ctx: EventContext): void {
  ctx.state.caseClock = startClock(ctx.today, ctx.state.caseLimit, ctx.calendar);
}

/**
 * At the end of an event: stops or restarts the case clock to match where the case now
 * stands, and reports the case deadline if the event changed it.
 */
export function syncCaseClock(ctx: EventContext): void {
  const { state } = ctx;
  const clock = state.caseClock;
  if (!clock || state.outcome !== null) return;
  const standsStill =
    state.pause !== null ||
    (state.tasks.length > 0 && state.tasks.every((task) => taskNodeOf(ctx.index, task.nodeId).clockStops));
  const next = standsStill ? stopClock(clock, ctx.today) : restartClock(clock, ctx.today, ctx.calendar);
  state.caseClock = next;
  const before = ctx.original.caseClock;
  if (!before || next.dueOn !== before.dueOn) ctx.effects.push({ type: "setDeadline", scope: "case", dueOn: next.dueOn });
}
