import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `@/x` is the project root (tsconfig paths), as for tsc, tsx and Next. `server-only` is the
  // package's empty module, as tsconfig paths make it for tsx: tests and scripts are server code.
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
    ],
  },
  test: {
    include: ["{app,runtime,seed,designer,tests/unit,tests/integration}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", "tests/e2e/**", ".next"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Read caches off: tests change the database underneath and expect to see it at once.
    // DEMO_PASSWORD is set by the global setup (tests/support/demoPassword.ts).
    env: { CACHE_TTL_SCALE: "0" },
    globalSetup: ["./vitest.global-setup.ts"],
    // The skipped-suites reporter names what did not run and why (e.g. PostgreSQL unavailable).
    reporters: ["default", "./tests/support/skippedSuitesReporter.ts"],
  },
});
