import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import layering from "./eslint/layering.mjs";

// The layers (ARCHITECTURE.md): app → designer, runtime; designer → the pure parts of runtime;
// seed → runtime; runtime → nothing of the others. Tests may use tests/support and seed data;
// production code never imports tests.
const testFiles = ["**/*.test.ts", "**/*.test.tsx"];
/** What code running in the browser may import from runtime: the contract and its tools, the engine, the calendar, forms. */
const browserSafeRuntime = [
  "runtime/definition",
  "runtime/engine",
  "runtime/calendar",
  "runtime/forms",
  "runtime/auth/cookies",
  "runtime/auth/roles",
];
/** Packages that need the server: database drivers, password hashing, request headers. */
const serverPackages = [
  "server-only",
  "prisma",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "@prisma/driver-adapter-utils",
  "better-sqlite3",
  "pg",
  "@node-rs/argon2",
  "next/headers",
];
const browserSafe = {
  typeOnly: ["runtime/trpc/appRouter"],
  packages: serverPackages,
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      "prisma/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
      // Deliberate layering violations, linted by tests/unit/layering.test.ts under other names.
      "tests/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // The one write path (runtime/write): transactions and audit writes happen nowhere else.
  {
    files: ["runtime/**/*.ts", "app/**/*.{ts,tsx}", "designer/**/*.{ts,tsx}", "seed/**/*.ts", "scripts/**/*.ts", "server.ts"],
    ignores: ["runtime/write/**", "runtime/db/**", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='$transaction']",
          message: "事务只能经由唯一写入路径开启：使用 runtime/write 的 writeWithPrisma / writeWithSql。",
        },
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "事务只能经由唯一写入路径开启：使用 runtime/write 的 writeWithPrisma / writeWithSql。",
        },
        {
          selector: "MemberExpression[object.property.name='auditEvent'][property.name=/^(create|createMany|update|updateMany|upsert|delete|deleteMany)$/]",
          message: "审计事件只能由唯一写入路径写入：在 runtime/write 的工作函数里调用 audit.record(...)。",
        },
        {
          selector: "Literal[value=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+\"?AuditEvent/i]",
          message: "审计事件只能由唯一写入路径写入：在 runtime/write 的工作函数里调用 audit.record(...)。",
        },
      ],
    },
  },
  {
    plugins: { layering },
  },
  {
    files: ["runtime/**/*.{ts,tsx}"],
    rules: {
      "layering/dependencies": [
        "error",
        { layer: "runtime", disallow: ["app", "designer", "seed", "tests", "scripts", "bench", "server"] },
      ],
    },
  },
  {
    files: testFiles.map((f) => `runtime/${f}`),
    rules: { "layering/dependencies": ["error", { layer: "A runtime test", disallow: ["app", "designer", "scripts", "bench", "server"] }] },
  },
  {
    files: ["seed/**/*.{ts,tsx}"],
    rules: {
      "layering/dependencies": ["error", { layer: "seed", disallow: ["app", "designer", "tests", "scripts", "bench", "server"] }],
    },
  },
  {
    files: testFiles.map((f) => `seed/${f}`),
    rules: { "layering/dependencies": ["error", { layer: "A seed test", disallow: ["app", "designer", "scripts", "bench", "server"] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "layering/dependencies": ["error", { layer: "app", disallow: ["seed", "tests", "scripts", "bench", "server"] }] },
  },
  {
    // Designer tests run under node and may read fixtures from disk.
    files: ["designer/**/*.{ts,tsx}"],
    ignores: testFiles,
    rules: { "layering/browser-safe": ["error", { ...browserSafe, allow: ["designer", ...browserSafeRuntime] }] },
  },
  {
    // Client components: app/ files that begin with "use client".
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "layering/browser-safe": ["error", { ...browserSafe, directive: "use client", allow: ["app", "designer", ...browserSafeRuntime] }],
    },
  },
);
