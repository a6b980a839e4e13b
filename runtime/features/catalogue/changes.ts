/**
 * In-process notice that the published catalogue changed (a version was published through
 * this instance). Caches of catalogue reads key on the generation or listen for the change,
 * so this instance shows a new version right away; other instances see it when their
 * short-lived entries expire.
 */
let generation = 0;
const listeners = new Set<() => void>();

/** Call after the transaction that published a version has committed. */
export function catalogueChanged(): void {
  generation++;
  for (const listener of listeners) listener();
}

export function catalogueGeneration(): number {
  return generation;
}

/** Returns a function that stops listening. */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
