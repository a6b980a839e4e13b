import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `@/x` is the project root (tsconfig paths), as for tsc, tsx and Next.
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    include: ["{runtime,seed,designer,scripts,tests/unit,tests/integration}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", "tests/e2e/**", ".next"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Read caches off: tests change the database underneath and expect to see it at once.
    // DEMO_PASSWORD is set by the global setup (tests/support/demoPassword.ts).
    env: { CACHE_TTL_SCALE: "0" },
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
