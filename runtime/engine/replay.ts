/**
 * A case's events as the audit trail keeps them, and the case rebuilt from them.
 *
 * The trail records each event the engine applied, without the form data and applicant details
 * it carried (personal data, kept once, in the case itself): only which forms it carried. A
 * replay gives those events the case's current data for those forms, so it rebuilds the stored
 * state exactly when later corrections did not change what a gateway read on the way. Pure.
 */
import { applyEvent, type EngineOptions } from "./applyEvent";
import type { Flow } from "../definition/schema";
import type { CaseEvent, CaseState, FormsData } from "./types";

export type RecordedEvent = Omit<CaseEvent, "forms" | "applicant"> & {
  /** Ids of the forms whose data the event carried. */
  carriedForms?: string[];
  /** The event carried the applicant's details (a submission). */
  carriedApplicant?: boolean;
};

export function recordedEvent(event: CaseEvent): RecordedEvent {
  const { forms, applicant, ...rest } = event as CaseEvent & { forms?: FormsData; applicant?: Record<string, unknown> };
  const recorded: RecordedEvent = { ...rest };
  if (forms) recorded.carriedForms = Object.keys(forms);
  if (applicant) recorded.carriedApplicant = true;
  return recorded;
}

export type ReplayResult = { ok: true; state: CaseState | null } | { ok: false; index: number; message: string };

/** The state `events` lead to from nothing, with the case's current `forms` and `applicant` where events carried them. */
export function replayCase(flow: Flow, events: RecordedEvent[], data: { forms: FormsData; applicant: Record<string, unknown> }, options: EngineOptions = {}): ReplayResult {
  let state: CaseState | null = null;
  for (const [index, recorded] of events.entries()) {
    const { carriedForms, carriedApplicant, ...rest } = recorded;
    const event = { ...rest } as CaseEvent & { forms?: FormsData; applicant?: Record<string, unknown> };
    if (carriedForms) event.forms = Object.fromEntries(carriedForms.filter((id) => id in data.forms).map((id) => [id, data.forms[id]]));
    if (carriedApplicant) event.applicant = data.applicant;
    const result = applyEvent(flow, state, event as CaseEvent, { ...options, replaying: true });
    if (!result.ok) return { ok: false, index, message: result.error.message };
    state = result.state;
  }
  return { ok: true, state };
}
