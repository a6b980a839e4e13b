/**
 * The case clock (办结时限). It starts when the case is accepted (时限自受理之日起算) and
 * stands still while the case is paused (中止) or waits only at steps whose clock stops
 * (补正 by the applicant, 公示).
 */
import { restartClock, startClock, stopClock } from "./clock";
import type { EventContext } from "./context";
import { taskNodeOf } from "./flowIndex";

export function startCaseClock(ctx: EventContext): void {
  const clock = startClock(ctx.today, ctx.state.caseLimit, ctx.calendar);
  ctx.state.caseClock = clock;
  ctx.effects.push({ type: "setDeadline", scope: "case", dueOn: clock.dueOn });
}

/** Stops or restarts the case clock to match where the case now stands. */
export function syncCaseClock(ctx: EventContext): void {
  const { state } = ctx;
  const clock = state.caseClock;
  if (!clock || state.outcome !== null) return;
  const standsStill =
    state.pause !== null ||
    (state.tasks.length > 0 && state.tasks.every((task) => taskNodeOf(ctx.index, task.nodeId).clockStops));
  const next = standsStill ? stopClock(clock, ctx.today) : restartClock(clock, ctx.today, ctx.calendar);
  if (next === clock) return;
  state.caseClock = next;
  if (next.dueOn !== clock.dueOn) ctx.effects.push({ type: "setDeadline", scope: "case", dueOn: next.dueOn });
}
