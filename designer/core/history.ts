/**
 * Undo/redo over immutable snapshots. `commit` records a step; consecutive commits with the
 * same `group` (typing in one text box, nudging the same nodes with the arrow keys) merge into
 * one step, so undo takes back the whole burst. A drag commits once, when it ends.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The group of the latest step, or null when the next commit must start a new step. */
  group: string | null;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], group: null };
}

/** Records `next` as a new step (or merges it into the latest step of the same group). */
export function commit<T>(history: History<T>, next: T, group: string | null = null): History<T> {
  if (next === history.present) return history;
  if (group !== null && group === history.group) {
    return { past: history.past, present: next, future: [], group };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], group };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  const past = history.past.slice(0, -1);
  return { past, present: history.past[history.past.length - 1], future: [history.present, ...history.future], group: null };
}

export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  const [present, ...future] = history.future;
  return { past: [...history.past, history.present], present, future, group: null };
}

