/** Helpers for the engine tests (test support only). */
import { expect } from "vitest";
import type { Flow } from "@/runtime/definition/schema";
import { applyEvent, type EngineOptions } from "@/runtime/engine/applyEvent";
import type { EngineErrorCode } from "@/runtime/engine/errors";
import type { CaseEvent, CaseState, Effect } from "@/runtime/engine/types";

/** 10:00 China time on `day`, plus `minutes`. */
export function on(day: string, minutes = 0): string {
  return new Date(Date.parse(`${day}T10:00:00+08:00`) + minutes * 60_000).toISOString();
}

/** Applies an event that must succeed. */
export function step(
  flow: Flow,
  state: CaseState | null,
  event: CaseEvent,
  options?: EngineOptions,
): { state: CaseState; effects: Effect[] } {
  const result = applyEvent(flow, state, event, options);
  if (!result.ok) throw new Error(`预期成功，实际被拒绝：${result.error.code} ${result.error.message}`);
  return result;
}

/** Applies events in order from `state` and returns the last result. */
export function steps(flow: Flow, state: CaseState | null, events: CaseEvent[], options?: EngineOptions) {
  let result: { state: CaseState | null; effects: Effect[] } = { state, effects: [] };
  for (const event of events) result = step(flow, result.state, event, options);
  return result as { state: CaseState; effects: Effect[] };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Expects the event to be refused with `code`, the state returned as the same, untouched object. */
export function expectRefused(flow: Flow, state: CaseState | null, event: CaseEvent, code: EngineErrorCode): string {
  const before = JSON.stringify(state);
  const result = applyEvent(flow, deepFreeze(state), event);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("unreachable");
  expect(result.error.code).toBe(code);
  expect(result.state).toBe(state);
  expect(JSON.stringify(result.state)).toBe(before);
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  return result.error.message;
}

/** The effects of one type. */
export function effectsOf<T extends Effect["type"]>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
}
