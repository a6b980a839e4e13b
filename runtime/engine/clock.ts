/**
 * Clocks towards a time limit (a step's SLA, the case limit). They never mutate: each
 * operation returns a new clock.
 */
import { dueDate, type IsoDate, type TimeLimit, type WorkCalendar } from "../calendar";
import type { Clock } from "./types";

export function startClock(today: IsoDate, limit: TimeLimit | null, calendar: WorkCalendar): Clock {
  return {
    startedOn: today,
    limit,
    pausedIntervals: [],
    stoppedSince: null,
    dueOn: limit ? dueDate(today, limit, [], calendar) : null,
    overdueReported: false,
  };
}

/** The clock standing still from `today`; the deadline is unknown until it runs again. */
export function stopClock(clock: Clock, today: IsoDate): Clock {
  if (clock.stoppedSince !== null) return clock;
  return { ...clock, stoppedSince: today, dueOn: null };
}

/** The clock running again from `today`; the stretch it stood still moves the deadline. */
export function restartClock(clock: Clock, today: IsoDate, calendar: WorkCalendar): Clock {
  if (clock.stoppedSince === null) return clock;
  const pausedIntervals = [...clock.pausedIntervals, { from: clock.stoppedSince, to: today }];
  return {
    ...clock,
    pausedIntervals,
    stoppedSince: null,
    dueOn: clock.limit ? dueDate(clock.startedOn, clock.limit, pausedIntervals, calendar) : null,
    // A new deadline: if it has passed too, it is reported anew.
    overdueReported: false,
  };
}

/** Whether a running clock's deadline has passed (the due day itself still counts). */
export function isOverdue(clock: Clock, today: IsoDate): clock is Clock & { dueOn: IsoDate } {
  return clock.dueOn !== null && today > clock.dueOn;
}
