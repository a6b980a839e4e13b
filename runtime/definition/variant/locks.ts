/**
 * Locks: items of a template that local variants may not change or remove. A lock on a form
 * (`form/<id>`) covers its fields too (none changed, added or removed). Pure.
 */
import type { ServiceDefinition } from "../schema";
import { definitionItems, kindOfKey } from "./items";

/** Whether the lock `lock` covers the item `key`. */
export function lockCovers(lock: string, key: string): boolean {
  if (lock === key) return true;
  return kindOfKey(lock) === "form" && key.startsWith(`${lock}/field/`);
}

export function isLocked(def: Pick<ServiceDefinition, "locks">, key: string): boolean {
  return (def.locks ?? []).some((lock) => lockCovers(lock, key));
}

/**
 * What a seeded template locks: the fee, the legal limit, every legal-basis entry and the
 * materials the document marks 必要. The region administrator may change them in the designer.
 */
export function defaultLocks(def: ServiceDefinition): string[] {
  const keys = [...definitionItems(def).keys()];
  return [
    "guide.fee",
    "guide.legalLimit",
    ...keys.filter((key) => kindOfKey(key) === "legalBasis"),
    ...def.materials.filter((m) => m.required).map((m) => `material/${m.id}`),
  ];
}

/** The definition with `key` locked or unlocked (the region administrator's toggle). */
export function withLock(def: ServiceDefinition, key: string, locked: boolean): ServiceDefinition {
  const rest = (def.locks ?? []).filter((k) => k !== key);
  return { ...def, locks: locked ? [...rest, key] : rest };
}
