import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
);
