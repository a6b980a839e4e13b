/**
 * rjsf's `ui:order`: the order a form shows an object's fields in. The builder reads it to list the
 * fields; the server reads it to find what the applicant answered next to a question (a definition
 * stored as PostgreSQL jsonb comes back with its keys sorted, not as written). Pure, browser-safe.
 */

/** rjsf's reading of `ui:order` over `keys`: `"*"` stands for the keys not listed (in their own order); unknown entries are ignored; keys missing from a list without `"*"` go last (rjsf refuses such a list). */
export function expandOrder(order: readonly unknown[], keys: readonly string[]): string[] {
  const listed = order.filter((k): k is string => typeof k === "string" && (k === "*" || keys.includes(k)));
  const unique = listed.filter((k, i) => k === "*" || listed.indexOf(k) === i);
  const rest = keys.filter((k) => !unique.includes(k));
  const at = unique.indexOf("*");
  const named = unique.filter((k) => k !== "*");
  if (at < 0) return [...named, ...rest];
  const before = unique.slice(0, at).filter((k) => k !== "*");
  return [...before, ...rest, ...named.filter((k) => !before.includes(k))];
}

/** The keys of `properties` in the order the form shows them (its uiSchema's `ui:order`, else as declared). */
export function shownOrder(properties: Record<string, unknown>, ui: Record<string, unknown>): string[] {
  const keys = Object.keys(properties);
  return Array.isArray(ui["ui:order"]) ? expandOrder(ui["ui:order"], keys) : keys;
}
