/**
 * Forms written for react-jsonschema-form elsewhere (tests/fixtures/rjsf) survive the visual
 * builder: read into the builder's model and written back, and after no-op edits, each is
 * deep-equal to what was read, and still compiles in its dialect.
 */
import { describe, expect, it } from "vitest";
import { externalForms } from "@/tests/fixtures/rjsf/playgroundForms";
import { createAjvFor } from "@/runtime/forms/ajv";
import { schemaDialect } from "@/runtime/forms/dialect";
import { moveField, updateField } from "./formEdit";
import { readForm, writeForm, type FieldModel, type FormModel } from "./formModel";

/** Every field path of the model, depth first. */
function paths(fields: FieldModel[], prefix: string[] = []): string[][] {
  return fields.flatMap((f) => [[...prefix, f.key], ...paths(f.children, [...prefix, f.key])]);
}

/** No-op edits: each field replaced by a copy, the first two fields swapped and swapped back. */
function noOpEdits(model: FormModel): FormModel {
  let next = model;
  for (const path of paths(model.fields)) next = updateField(next, path, (f) => ({ ...f, schema: { ...f.schema }, ui: { ...f.ui } }));
  if (next.fields.length >= 2) next = moveField(moveField(next, [], 0, 1), [], 1, 0);
  return next;
}

describe("forms from elsewhere round-trip through the builder", () => {
  it("there are about forty, in both dialects", () => {
    expect(externalForms.length).toBeGreaterThanOrEqual(40);
    expect(new Set(externalForms.map((f) => f.name)).size).toBe(externalForms.length);
    expect(externalForms.some((f) => schemaDialect(f.schema) === "2020-12")).toBe(true);
  });

  for (const form of externalForms) {
    it(`${form.name}: nothing lost, read and written back or after a no-op edit`, () => {
      const dialect = schemaDialect(form.schema);
      expect(dialect).not.toBeNull();
      const ajv = createAjvFor(dialect!);
      expect(ajv.validateSchema(form.schema), JSON.stringify(ajv.errors)).toBe(true);

      const model = readForm(form.schema, form.uiSchema);
      const written = writeForm(model);
      expect(written.schema).toStrictEqual(form.schema);
      expect(written.uiSchema).toStrictEqual(form.uiSchema);

      const edited = writeForm(noOpEdits(model));
      expect(edited.schema).toStrictEqual(form.schema);
      expect(edited.uiSchema).toStrictEqual(form.uiSchema);
      const { $id: _ignored, ...compilable } = edited.schema;
      expect(() => createAjvFor(dialect!).compile(compilable)).not.toThrow();
    });
  }
});
