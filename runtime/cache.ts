/**
 * Short-lived per-database read caches for the hot paths (session lookup, published
 * versions, offices, calendar). Each database client gets its own caches, so tests on
 * several databases never see each other's entries. TTLs are short because several app
 * instances share one database: a change made through another instance is seen within
 * the TTL. Set CACHE_TTL_SCALE=0 to turn them off.
 */
import "server-only";
import { LRUCache } from "lru-cache";

const scale = Number(process.env.CACHE_TTL_SCALE ?? 1);
const perDb = new WeakMap<object, Map<string, LRUCache<string, object>>>();

export function dbCache<V extends object>(db: object, name: string, ttlMs: number, max = 1000): LRUCache<string, V> | null {
  if (scale <= 0) return null;
  let caches = perDb.get(db);
  if (!caches) perDb.set(db, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new LRUCache<string, object>({ max, ttl: Math.max(1, ttlMs * scale) })));
  return cache as unknown as LRUCache<string, V>;
}

/** Read through a cache: compute on a miss and remember the value. */
export async function cached<V extends object>(cache: LRUCache<string, V> | null, key: string, load: () => Promise<V>): Promise<V> {
  const hit = cache?.get(key);
  if (hit) return hit;
  const value = await load();
  cache?.set(key, value);
  return value;
}
