/** Fresh identifiers that satisfy the contract (`^[a-zA-Z][\w-]*$`) and collide with nothing taken. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/** Whether `id` is usable as a node, action, form or field id. */
export function isValidId(id: string): boolean {
  return /^[a-zA-Z][\w-]*$/.test(id);
}
