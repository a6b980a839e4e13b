/**
 * The fields of a form schema as a flat list of data paths (`applicant.name`), looking into
 * sections (nested objects), into fields shown on a condition (`allOf` → `then`) and into fields
 * declared in branches (`anyOf`/`oneOf`, `if`/`then`/`else`, `dependencies`) or behind a `$ref`. A table
 * (array) is one field; a section is listed before its fields. Used by the lint (rules must name real fields), the decision rule
 * editor (which fields there are) and the version diff (which fields changed).
 */
import { placedFields } from "./schemaPlaces";
import { isObject } from "./json";

type Schema = Record<string, unknown>;

export interface FormFieldEntry {
  /** Keys from the form's root joined with dots. */
  path: string;
  /** Titles from the root joined with `·`. */
  title: string;
  schema: Schema;
  required: boolean;
  /** Shown only when another field has a certain value. */
  conditional: boolean;
  /** A section: its fields follow it in the list. */
  group: boolean;
}

function propertiesOf(schema: Schema, root: Schema): { key: string; schema: Schema; required: boolean; conditional: boolean }[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const out = Object.entries(isObject(schema.properties) ? schema.properties : {})
    .filter((entry): entry is [string, Schema] => isObject(entry[1]))
    .map(([key, child]) => ({ key, schema: child, required: required.has(key), conditional: false }));
  for (const entry of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const then = isObject(entry) && isObject(entry.then) ? entry.then : null;
    if (!then || !isObject(then.properties)) continue;
    const thenRequired = new Set(Array.isArray(then.required) ? then.required : []);
    for (const [key, child] of Object.entries(then.properties)) {
      if (isObject(child) && !out.some((p) => p.key === key)) out.push({ key, schema: child, required: thenRequired.has(key), conditional: true });
    }
  }
  // Fields declared in other branches (anyOf/oneOf, if/then/else, dependencies) or behind a `$ref`, as rjsf shows them.
  for (const placed of placedFields(schema, root, new Set(out.map((p) => p.key)))) {
    const onlyReferenced = placed.places.every((place) => place.startsWith("引用 ") && !place.includes(" › "));
    out.push({ key: placed.key, schema: placed.schema, required: placed.required && onlyReferenced, conditional: !onlyReferenced });
  }
  return out;
}

export function formFieldList(schema: Schema): FormFieldEntry[] {
  const out: FormFieldEntry[] = [];
  const walk = (node: Schema, path: string[], titles: string[], conditional: boolean) => {
    for (const property of propertiesOf(node, schema)) {
      const title = typeof property.schema.title === "string" && property.schema.title ? property.schema.title : property.key;
      const entry: FormFieldEntry = {
        path: [...path, property.key].join("."),
        title: [...titles, title].join("·"),
        schema: property.schema,
        required: property.required,
        conditional: conditional || property.conditional,
        // rjsf reads a schema with `properties` and no `type` as an object too.
        group: property.schema.type === "object" || (property.schema.type === undefined && isObject(property.schema.properties)),
      };
      out.push(entry);
      if (entry.group) walk(property.schema, [...path, property.key], [...titles, title], entry.conditional);
    }
  };
  walk(schema, [], [], false);
  return out;
}
