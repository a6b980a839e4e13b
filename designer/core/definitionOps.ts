/** Edits that touch several parts of a service definition at once. Pure. */
import type { FormDefinition, ServiceDefinition } from "@/runtime/definition/schema";
import { newItemId } from "./ids";

/** Rewrites `var` paths `form.<from>.…` to `form.<to>.…` inside a JSON Logic rule. */
function renameFormInLogic(logic: unknown, from: string, to: string): unknown {
  if (Array.isArray(logic)) return logic.map((item) => renameFormInLogic(item, from, to));
  if (logic && typeof logic === "object") {
    return Object.fromEntries(
      Object.entries(logic).map(([key, value]) => {
        if (key === "var") {
          const rename = (path: unknown) => (typeof path === "string" && (path === `form.${from}` || path.startsWith(`form.${from}.`)) ? `form.${to}${path.slice(5 + from.length)}` : path);
          return [key, Array.isArray(value) ? [rename(value[0]), ...value.slice(1)] : rename(value)];
        }
        return [key, renameFormInLogic(value, from, to)];
      }),
    );
  }
  return logic;
}

/** Renames a form and every reference to it: materials, steps, decision rules. Null when the id is taken. */
export function renameForm(definition: ServiceDefinition, from: string, to: string): ServiceDefinition | null {
  if (from === to) return definition;
  if (definition.forms.some((f) => f.id === to)) return null;
  return {
    ...definition,
    forms: definition.forms.map((f) => (f.id === from ? { ...f, id: to } : f)),
    materials: definition.materials.map((m) => (m.formId === from ? { ...m, formId: to } : m)),
    flow: {
      ...definition.flow,
      nodes: definition.flow.nodes.map((n) =>
        n.type === "task" && n.forms.some((f) => f.formId === from) ? { ...n, forms: n.forms.map((f) => (f.formId === from ? { ...f, formId: to } : f)) } : n,
      ),
      edges: definition.flow.edges.map((e) =>
        e.condition !== undefined && typeof e.condition === "object" ? { ...e, condition: renameFormInLogic(e.condition, from, to) as Record<string, unknown> } : e,
      ),
    },
  };
}

/** A new empty form with a fresh id (`scope`: a local variant's office, see `newItemId`). */
export function newForm(existing: readonly FormDefinition[], scope?: string | null): FormDefinition {
  return {
    id: newItemId("form", existing.map((f) => f.id), scope),
    title: "新表单",
    dialect: "draft-07",
    schema: { type: "object", properties: {} },
    uiSchema: {},
  };
}
