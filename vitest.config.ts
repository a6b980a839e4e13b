import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{runtime,seed,designer,scripts,tests/unit,tests/integration}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", "tests/e2e/**", ".next"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
