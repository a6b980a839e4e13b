/**
 * JSON Pointers (RFC 6901: `/a/b~1c` names key `b/c` of `a`), as definitions use them: a
 * material's `requiredWhen.path` into a form's data, error and field paths in form data, local
 * `$ref`s in schemas. One reading of them for all (pure, browser-safe).
 */
import { isObject } from "./json";

/** The keys a pointer names, unescaped (`~1` → `/`, `~0` → `~`); `""` names the whole document. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A key as one pointer segment (`/` → `~1`, `~` → `~0`). */
export function escapePointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The value `pointer` names in `document`, through objects only (an array or a missing key on the
 * way: undefined). Form data's pointers name object fields; rows are not addressed by pointer.
 */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  let value = document;
  for (const segment of pointerSegments(pointer)) value = isObject(value) ? value[segment] : undefined;
  return value;
}
