import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applyEvent, type CaseEvent, type CaseState } from "./index";
import { recordedEvent, replayCase } from "./replay";

const flow = serviceDefinition.parse(structuredClone(example)).flow;
const applicant = { name: "张三", idNumber: "150102199003071237" };
const registration = { name: "张三", idNumber: "150102199003071237", lostJobOn: "2026-11-02", reason: "个人辞职", attestation: true };
const caseworker = { id: "u1", role: "caseworker" as const };

/** Runs events as the product does, recording each the way the audit trail keeps it. */
function run(events: CaseEvent[]) {
  let state: CaseState | null = null;
  const recorded = [];
  for (const event of events) {
    const result = applyEvent(flow, state, event);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
    recorded.push(recordedEvent(event));
  }
  return { state: state!, recorded };
}

describe("replaying a case from its recorded events", () => {
  const events: CaseEvent[] = [
    { type: "submit", at: "2026-11-03T01:00:00.000Z", applicant, forms: { registration } },
    { type: "act", at: "2026-11-03T02:00:00.000Z", taskId: "intake", actionId: "askCorrection", actor: caseworker, comment: "请补充", correctionItems: ["失业日期有误"] },
    { type: "act", at: "2026-11-04T02:00:00.000Z", taskId: "correction", actionId: "resubmit", actor: { role: "applicant" }, forms: { registration: { ...registration, lostJobOn: "2026-11-01" } } },
  ];

  it("keeps no form data or applicant details in the record, only which forms were carried", () => {
    const { recorded } = run(events);
    expect(JSON.stringify(recorded)).not.toContain("150102199003071237");
    expect(recorded[0]).toMatchObject({ type: "submit", carriedForms: ["registration"], carriedApplicant: true });
    expect(recorded[1]).toEqual(expect.objectContaining({ actionId: "askCorrection", correctionItems: ["失业日期有误"] }));
  });

  it("rebuilds the stored state from the case's current data", () => {
    const { state, recorded } = run(events);
    const replayed = replayCase(flow, recorded, { forms: state.forms, applicant: state.applicant });
    expect(replayed).toEqual({ ok: true, state });
  });

  it("a lost or reordered event does not rebuild the state", () => {
    const { state, recorded } = run(events);
    const lost = replayCase(flow, recorded.slice(0, 2), { forms: state.forms, applicant: state.applicant });
    expect(lost.ok && lost.state).not.toEqual(state);
    expect(replayCase(flow, [recorded[0], recorded[2], recorded[1]], { forms: state.forms, applicant: state.applicant })).toMatchObject({ ok: false, index: 1 });
  });
});
