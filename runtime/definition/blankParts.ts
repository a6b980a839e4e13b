/**
 * The blank parts a definition is built from, before anything is stated or chosen: a guide that
 * states nothing, the settings of a new task step, a new material. Shared by the blank service
 * (`blankDefinition.ts`), the designer's palette and materials tab, and the seed's parsers.
 */
import type { Guide, Material, TaskNode } from "@/runtime/definition/schema";

/** A guide with every field present and nothing stated. */
export function emptyGuide(): Guide {
  return {
    conditions: [],
    audience: [],
    levels: [],
    caseType: null,
    legalLimit: [],
    promisedLimit: [],
    channels: [],
    fee: null,
    onlineAddress: null,
    officeAddress: null,
    legalBasis: [],
    preChecks: [],
    dataSharing: [],
    risks: [],
    archive: null,
    operationNotes: [],
    notes: [],
  };
}

/** The settings a task step has until they are chosen. */
export type TaskSettings = Pick<TaskNode, "forms" | "sla" | "pausable" | "separateFromPrevious" | "clockStops" | "publicNotice" | "checkpoints">;

/** A new task step's settings: no forms, no time limit, not pausable, no separation of duties, the clock running, no 公示, no checkpoints. */
export function taskDefaults(): TaskSettings {
  return {
    forms: [],
    sla: null,
    pausable: false,
    separateFromPrevious: false,
    clockStops: false,
    publicNotice: false,
    checkpoints: [],
  };
}

/** A new material: one electronic original, required, not kept on paper, not obtained by sharing, for every scenario. */
export function blankMaterial(fields: Pick<Material, "id" | "name" | "source" | "formId">): Material {
  return {
    id: fields.id,
    name: fields.name,
    source: fields.source,
    kind: "原件",
    copies: 1,
    medium: "电子",
    required: true,
    keepPaper: false,
    obtainableBySharing: false,
    scenario: null,
    formId: fields.formId,
  };
}
