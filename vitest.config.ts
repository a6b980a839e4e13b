import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `@/x` is the project root (tsconfig paths), as for tsc, tsx and Next.
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    include: ["{app,runtime,seed,designer,tests/integration}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", "tests/e2e/**", ".next"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Read caches off: tests change the database underneath and expect to see it at once.
    env: { CACHE_TTL_SCALE: "0" },
    globalSetup: ["./vitest.global-setup.ts"],
    // The skipped-suites reporter names what did not run and why (e.g. PostgreSQL unavailable).
    reporters: ["default", "./tests/support/skippedSuitesReporter.ts"],
  },
});
