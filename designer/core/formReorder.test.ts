/**
 * Nothing is lost by reordering. Every seeded form, with a display condition added to each field
 * that can have one (on the sibling before it): each field moved one place up and one place down
 * with the keyboard — dropped over the neighbouring row, or, past a section or table, over the
 * field inside it that dnd-kit reports — keeps its schema, uiSchema, required flag and condition,
 * lands next to where it was, and moving it back restores the written form.
 */
import { describe, expect, it } from "vitest";
import { seededTemplates } from "@/tests/support/seededTemplates";
import { dropField, moveFieldTo, siblingsAt, type DropOver } from "./formEdit";
import { containerKinds, type JsonSchema } from "./formFields";
import { readForm, writeForm, type FieldModel, type FormModel } from "./formModel";

interface Found {
  path: string[];
  field: FieldModel;
}

function allFields(fields: FieldModel[], prefix: string[] = []): Found[] {
  return fields.flatMap((field) => [{ path: [...prefix, field.key], field }, ...allFields(field.children, [...prefix, field.key])]);
}

/** What a field is, apart from where it stands. */
function properties(model: FormModel): Map<string, unknown> {
  return new Map(allFields(model.fields).map(({ path, field }) => [path.join("/"), { kind: field.kind, schema: field.schema, ui: field.ui, required: field.required, visibleWhen: field.visibleWhen }]));
}

/** The written form without its order (which is what a reorder changes). */
function withoutOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOrder);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "ui:order")
        .map(([k, v]): [string, unknown] => [k, k === "required" && Array.isArray(v) ? [...v].sort() : k === "allOf" && Array.isArray(v) ? v.map((x) => JSON.stringify(withoutOrder(x))).sort() : withoutOrder(v)])
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return value;
}

/** Each field that can be conditional gets a rule on the plain field before it (as the property panel offers). */
function withConditions(fields: FieldModel[]): FieldModel[] {
  return fields.map((field, i) => {
    const children = withConditions(field.children);
    const dep = fields.slice(0, i).reverse().find((f) => !containerKinds.has(f.kind) && f.kind !== "attestation");
    const visibleWhen = field.visibleWhen ?? (dep ? { field: dep.key, op: "neq" as const, value: "否" } : null);
    return { ...field, children, visibleWhen };
  });
}

/** What dnd-kit reports under a field moved one row past `neighbour`: the row itself, or, past a section or table going down, its last field. */
function oversPast(container: string[], index: number, neighbour: FieldModel, down: boolean): DropOver[] {
  const overs: DropOver[] = [{ container, index }];
  if (containerKinds.has(neighbour.kind)) {
    const inner = [...container, neighbour.key];
    overs.push({ container: inner, index: null });
    if (neighbour.children.length > 0) overs.push({ container: inner, index: down ? neighbour.children.length - 1 : 0 });
  }
  return overs;
}

const forms = seededTemplates().flatMap((definition) => definition.forms.map((form) => ({ name: `${definition.code}/${form.id}`, form })));

describe("reordering a field with the keyboard keeps everything about it", () => {
  it("goes through forms with sections or tables, and with conditions", () => {
    const nested = forms.filter(({ form }) => readForm(form.schema as JsonSchema, form.uiSchema).fields.some((f) => containerKinds.has(f.kind)));
    expect(nested.length).toBeGreaterThan(0);
  });

  it.each(forms)("$name", ({ form }) => {
    const read = readForm(form.schema as JsonSchema, form.uiSchema);
    const written = writeForm({ ...read, fields: withConditions(read.fields) });
    const original = readForm(written.schema, written.uiSchema);
    const before = properties(original);
    expect([...before.values()].some((p) => (p as { visibleWhen: unknown }).visibleWhen) || before.size < 2).toBe(true);
    for (const { path } of allFields(original.fields)) {
      const container = path.slice(0, -1);
      const siblings = siblingsAt(original, container);
      const at = siblings.findIndex((f) => f.key === path[path.length - 1]);
      for (const to of [at - 1, at + 1]) {
        if (to < 0 || to >= siblings.length) continue;
        for (const over of oversPast(container, to, siblings[to], to > at)) {
          const where = `${path.join("/")} → ${JSON.stringify(over)}`;
          const moved = dropField(original, path, over, "keyboard");
          expect(moved.path, where).toEqual(path);
          const out = writeForm(moved.model);
          const reread = readForm(out.schema, out.uiSchema);
          expect(properties(reread), where).toEqual(before);
          expect(siblingsAt(reread, container)[to].key, where).toBe(path[path.length - 1]);
          expect(withoutOrder(out), where).toEqual(withoutOrder(written));
          // And back again: the form as it was.
          const back = writeForm(moveFieldTo(reread, path, container, at).model);
          expect(back.schema, where).toEqual(written.schema);
          expect(withoutOrder(back.uiSchema), where).toEqual(withoutOrder(written.uiSchema));
        }
      }
    }
  });
});

describe("moving a field into another section by pointer", () => {
  it("keeps its condition when the field it names is among its new siblings, and drops it otherwise", () => {
    const model = readForm(
      {
        type: "object",
        properties: {
          kind: { type: "string", title: "类型", enum: ["甲", "乙"] },
          note: { type: "string", title: "说明" },
          box: { type: "object", title: "分组", properties: { kind: { type: "string", title: "类型", enum: ["甲", "乙"] } } },
          other: { type: "object", title: "其他", properties: { name: { type: "string", title: "名称" } } },
        },
      },
      {},
    );
    const conditional = { ...model, fields: model.fields.map((f) => (f.key === "note" ? { ...f, visibleWhen: { field: "kind", op: "eq" as const, value: "甲" } } : f)) };
    const intoBox = dropField(conditional, ["note"], { container: ["box"], index: null }, "pointer");
    expect(intoBox.path).toEqual(["box", "note"]);
    expect(siblingsAt(intoBox.model, ["box"]).find((f) => f.key === "note")?.visibleWhen).toEqual({ field: "kind", op: "eq", value: "甲" });
    const intoOther = dropField(conditional, ["note"], { container: ["other"], index: null }, "pointer");
    expect(siblingsAt(intoOther.model, ["other"]).find((f) => f.key === "note")?.visibleWhen).toBeNull();
  });
});
