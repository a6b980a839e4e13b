/**
 * Test helpers to look into generated schemas: find a property by its Chinese title, list
 * sibling titles and keys. Pure.
 */
import { isObject } from "@/runtime/definition/json";

export type SchemaNode = Record<string, unknown>;

export interface FoundField {
  key: string;
  schema: SchemaNode;
  /** The object schema holding the property. */
  parent: SchemaNode;
  required: boolean;
}

/** Object schemas directly inside `schema` (itself, or its array items). */
function objectOf(schema: SchemaNode): SchemaNode | undefined {
  if (isObject(schema.properties)) return schema;
  if (isObject(schema.items) && isObject(schema.items.properties)) return schema.items;
  return undefined;
}

/** Every property in the tree, depth first. */
export function allFields(schema: SchemaNode): FoundField[] {
  const found: FoundField[] = [];
  const visit = (node: SchemaNode) => {
    const object = objectOf(node);
    if (!object) return;
    const required = Array.isArray(object.required) ? (object.required as string[]) : [];
    for (const [key, child] of Object.entries(object.properties as Record<string, unknown>)) {
      if (!isObject(child)) continue;
      found.push({ key, schema: child, parent: object, required: required.includes(key) });
      visit(child);
    }
  };
  visit(schema);
  return found;
}

/** The first property titled `title` (exactly, or matching the pattern). */
export function fieldByTitle(schema: SchemaNode, title: string | RegExp): FoundField | undefined {
  return allFields(schema).find((f) =>
    typeof title === "string" ? f.schema.title === title : typeof f.schema.title === "string" && title.test(f.schema.title),
  );
}

/** Titles of the direct properties of an object (or of an array's items). */
export function childTitles(schema: SchemaNode): string[] {
  const object = objectOf(schema);
  if (!object) return [];
  return Object.values(object.properties as Record<string, SchemaNode>).map((p) => String(p.title ?? ""));
}

/** Titles of the fields a form's uiSchema marks as the office's (`ui:options.officeUse`), outermost only. */
export function officeUseTitles(schema: SchemaNode, uiSchema: SchemaNode | undefined): string[] {
  const ui = isObject(uiSchema) ? uiSchema : {};
  const options = ui["ui:options"];
  if (isObject(options) && options.officeUse === true) return [String(schema.title ?? "")];
  const titles: string[] = [];
  if (isObject(schema.properties)) {
    for (const [key, child] of Object.entries(schema.properties)) {
      if (isObject(child)) titles.push(...officeUseTitles(child, ui[key] as SchemaNode | undefined));
    }
  }
  if (isObject(schema.items)) titles.push(...officeUseTitles(schema.items, ui.items as SchemaNode | undefined));
  return titles;
}
