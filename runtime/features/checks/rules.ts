/**
 * Which checks and shared data belong to which step, and what blocks a step (pure).
 *
 * A binding runs at the step it names, else at the first caseworker step (受理). A mandatory
 * pre-check (是否强制: 是) blocks the step's completing actions (approve, complete) until it
 * has passed — answered by its system, or checked by hand when the system is unavailable — or
 * a caseworker overrode it with a reason.
 */
import type { ActionKind, ServiceDefinition } from "@/runtime/definition/schema";
import { connectorById } from "@/runtime/definition/connectors";

export type CheckKind = "preCheck" | "sharing" | "material";

export interface StepItem {
  kind: CheckKind;
  /** The 校验内容, the 需求点, or the material id. */
  item: string;
  /** What a person reads: the check, the need, the material's name. */
  label: string;
  connector: string;
  fact: string | null;
  mandatory: boolean;
}

export interface CheckRow {
  kind: string;
  item: string;
  status: string;
  source: string;
}

export function firstCaseworkerStep(definition: ServiceDefinition): string | null {
  return definition.flow.nodes.find((n) => n.type === "task" && n.role === "caseworker")?.id ?? null;
}

export function itemsForStep(definition: ServiceDefinition, nodeId: string): StepItem[] {
  const bindings = definition.connectors;
  if (!bindings) return [];
  const fallback = firstCaseworkerStep(definition);
  const here = (step: string | undefined) => (step ?? fallback) === nodeId;
  const known = (connector: string) => connectorById.has(connector);
  const items: StepItem[] = [];
  for (const b of bindings.preChecks) {
    const check = definition.guide.preChecks.find((p) => p.check === b.check);
    if (!check || !here(b.step) || !known(b.connector)) continue;
    items.push({ kind: "preCheck", item: b.check, label: b.check, connector: b.connector, fact: b.fact, mandatory: check.mandatory === true });
  }
  for (const b of bindings.dataSharing) {
    if (!definition.guide.dataSharing.some((d) => d.need === b.need) || !here(b.step) || !known(b.connector)) continue;
    items.push({ kind: "sharing", item: b.need, label: b.need, connector: b.connector, fact: null, mandatory: false });
  }
  if (fallback === nodeId) {
    for (const b of bindings.materials) {
      const material = definition.materials.find((m) => m.id === b.materialId);
      if (!material || !known(b.connector)) continue;
      items.push({ kind: "material", item: material.id, label: material.name, connector: b.connector, fact: null, mandatory: false });
    }
  }
  return items;
}

/** Statuses with which a mandatory pre-check lets the step complete. */
const CLEARED = new Set(["passed", "overridden"]);

/** The mandatory pre-checks of the step that have not cleared (not run, failed, unavailable). */
export function blockingChecks(items: StepItem[], rows: CheckRow[]): StepItem[] {
  return items.filter((i) => {
    if (i.kind !== "preCheck" || !i.mandatory) return false;
    const row = rows.find((r) => r.kind === i.kind && r.item === i.item);
    return !row || !CLEARED.has(row.status);
  });
}

/** The actions a failed mandatory pre-check holds back: those that complete the step. */
export const COMPLETING: ReadonlySet<ActionKind> = new Set<ActionKind>(["approve", "complete"]);
