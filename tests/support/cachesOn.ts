/**
 * Import first in a test file that is about the read caches: vitest.config.ts turns them off for
 * the other tests, and runtime/cache.ts reads the setting when it is loaded.
 */
process.env.CACHE_TTL_SCALE = "1";
