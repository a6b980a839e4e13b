/**
 * Where an object schema declares fields outside its own `properties`: in `allOf`/`anyOf`/`oneOf`
 * entries, `if`/`then`/`else`, `dependencies` (draft-07) or `dependentSchemas` (2020-12), and
 * behind a `$ref` (to `#/definitions/…` or `#/$defs/…`). rjsf shows such fields (it merges them
 * in when their branch applies); the builder lists them read-only, with a note saying where they
 * are declared. Pure.
 */
import { isObject } from "./json";
import { pointerSegments } from "./jsonPointer";

export type Json = Record<string, unknown>;

/** A field declared outside `properties`. */
export interface PlacedField {
  key: string;
  /** The first declaration met (shown in the builder). */
  schema: Json;
  /** Where it is declared, in Chinese (`oneOf 第 2 个分支`, `引用 #/definitions/address` …). */
  places: string[];
  /** Named by a `required` next to its declaration. */
  required: boolean;
}

/** The schema a local `$ref` (`#/definitions/x`, `#/$defs/x`, any JSON pointer into the root) points to, or null. */
export function resolveRef(root: Json, ref: unknown): Json | null {
  if (typeof ref !== "string" || !ref.startsWith("#")) return null;
  const pointer = ref.slice(1);
  if (pointer === "") return root;
  if (!pointer.startsWith("/")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pointer); // a URI fragment: percent-decoded, then read as a pointer (RFC 6901 §6)
  } catch {
    return null;
  }
  let node: unknown = root;
  for (const part of pointerSegments(decoded)) {
    if (!isObject(node) && !Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return isObject(node) ? node : null;
}

interface Branch {
  schema: Json;
  /** Where, in Chinese. */
  place: string;
  allOfIndex?: number;
}

/** The subschemas `node` declares fields in besides its `properties`, without following a `$ref`. */
function branchesOf(node: Json): Branch[] {
  const out: Branch[] = [];
  (Array.isArray(node.allOf) ? node.allOf : []).forEach((entry, i) => {
    if (isObject(entry)) out.push({ schema: entry, place: `allOf 第 ${i + 1} 项`, allOfIndex: i });
  });
  for (const keyword of ["anyOf", "oneOf"] as const) {
    (Array.isArray(node[keyword]) ? (node[keyword] as unknown[]) : []).forEach((entry, i) => {
      if (isObject(entry)) out.push({ schema: entry, place: `${keyword} 第 ${i + 1} 个分支` });
    });
  }
  if (isObject(node.then)) out.push({ schema: node.then, place: "if 条件成立时（then）" });
  if (isObject(node.else)) out.push({ schema: node.else, place: "if 条件不成立时（else）" });
  for (const keyword of ["dependencies", "dependentSchemas"] as const) {
    if (!isObject(node[keyword])) continue;
    for (const [dep, entry] of Object.entries(node[keyword] as Json)) {
      if (isObject(entry)) out.push({ schema: entry, place: `${keyword}（依赖字段“${dep}”）` });
    }
  }
  return out;
}

/** `schema` and every subschema that declares fields of the same object: behind its `$ref` and in its branches, recursively (each once). */
export function declaringSchemas(schema: Json, root: Json, seen = new Set<unknown>()): Json[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const target = typeof schema.$ref === "string" ? resolveRef(root, schema.$ref) : null;
  return [schema, ...(target ? declaringSchemas(target, root, seen) : []), ...branchesOf(schema).flatMap((branch) => declaringSchemas(branch.schema, root, seen))];
}

/**
 * The fields `schema` declares outside its `properties` (keys in `exclude` are left out: fields
 * the builder lists already). `root` resolves `$ref`s; a `$ref` met twice is not followed again.
 * `skipAllOf` leaves out `allOf` entries the caller reads itself (the builder's own conditions).
 */
export function placedFields(schema: Json, root: Json, exclude: ReadonlySet<string>, skipAllOf: ReadonlySet<number> = new Set()): PlacedField[] {
  const found = new Map<string, PlacedField>();
  const seenRefs = new Set<string>();
  const add = (node: Json, where: string) => {
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        if (exclude.has(key) || !isObject(child)) continue;
        const known = found.get(key);
        if (known) {
          if (!known.places.includes(where)) known.places.push(where);
        } else found.set(key, { key, schema: child, places: [where], required: required.has(key) });
      }
    }
    visit(node, where);
  };
  const visit = (node: Json, prefix: string, top = false) => {
    const within = (text: string) => (prefix ? `${prefix} › ${text}` : text);
    if (typeof node.$ref === "string" && !seenRefs.has(node.$ref)) {
      seenRefs.add(node.$ref);
      const target = resolveRef(root, node.$ref);
      if (target) add(target, within(`引用 ${node.$ref}`));
    }
    for (const branch of branchesOf(node)) {
      if (top && branch.allOfIndex !== undefined && skipAllOf.has(branch.allOfIndex)) continue;
      add(branch.schema, within(branch.place));
    }
  };
  visit(schema, "", true);
  return [...found.values()];
}
