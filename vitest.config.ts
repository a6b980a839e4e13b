import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_DEMO_PASSWORD } from "./tests/support/demoPassword";

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
    // The demo accounts' password: explicit, so no test reads or writes data/demo-password.txt.
    env: { CACHE_TTL_SCALE: "0", DEMO_PASSWORD: TEST_DEMO_PASSWORD },
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
