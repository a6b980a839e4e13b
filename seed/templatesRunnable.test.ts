/**
 * Every seeded template is a working service on day one: its flow passes the engine's lint,
 * and a submission enters the flow and reaches a staff step (not stuck with the applicant).
 */
import { describe, expect, it } from "vitest";
import { SEEDED_TEMPLATE_COUNT, seededTemplates } from "@/tests/support/seededTemplates";
import { applyEvent, validateFlow } from "@/runtime/engine";

const templates = seededTemplates();

describe("seeded templates are runnable", () => {
  it("has a template for every service", () => {
    expect(templates).toHaveLength(SEEDED_TEMPLATE_COUNT);
  });

  it.each(templates.map((t) => [t.code, t] as const))("%s: the flow passes lint and a submission reaches a staff step", (_code, template) => {
    expect(validateFlow(template.flow)).toEqual([]);
    const result = applyEvent(template.flow, null, { type: "submit", at: "2026-11-23T02:00:00.000Z" });
    expect(result).toMatchObject({ ok: true, state: { status: "running" } });
    const tasks = result.ok ? result.state.tasks : [];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.filter((task) => task.role === "applicant")).toEqual([]);
  });
});
