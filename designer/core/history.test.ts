import { describe, expect, it } from "vitest";
import { canRedo, canUndo, commit, createHistory, HISTORY_LIMIT, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes steps in order", () => {
    let h = createHistory("a");
    h = commit(h, "b");
    h = commit(h, "c");
    expect(h.present).toBe("c");
    h = undo(h);
    expect(h.present).toBe("b");
    h = undo(h);
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe("c");
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it("a new step after undo drops the redo branch", () => {
    let h = commit(commit(createHistory(1), 2), 3);
    h = undo(h);
    h = commit(h, 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it("merges consecutive commits of one group into one step (typing, arrow-key nudges)", () => {
    let h = createHistory("");
    for (const text of ["受", "受理", "受理环节"]) h = commit(h, text, "label:intake");
    expect(h.past).toEqual([""]);
    h = commit(h, "x", "label:other");
    expect(undo(h).present).toBe("受理环节");
    expect(undo(undo(h)).present).toBe("");
  });

  it("committing the present object again records nothing", () => {
    const state = { n: 1 };
    const h = createHistory(state);
    expect(commit(h, state)).toBe(h);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
