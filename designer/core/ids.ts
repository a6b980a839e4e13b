/** Fresh identifiers that satisfy the contract (`^[a-zA-Z][\w-]*$`) and collide with nothing taken. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/**
 * The id of a new material, form, field, step or connection. A template's are the next free
 * `<prefix><n>` (m3, step1). A local variant's carry its office (`scope`, the organisation's
 * code): `m_150100_1`. Its parent names its own new items `<prefix><n>` (or with its own
 * office), so an item the variant adds can never get the id of one the parent adds later — the
 * two would look like one item to the rebase (有新版本).
 */
export function newItemId(prefix: string, taken: Iterable<string>, scope?: string | null): string {
  const mark = scope?.replace(/[^A-Za-z0-9]/g, "");
  return uniqueId(mark ? `${prefix}_${mark}_` : prefix, taken);
}

/** Whether `id` is usable as a node, action, form or field id. */
export function isValidId(id: string): boolean {
  return /^[a-zA-Z][\w-]*$/.test(id);
}
