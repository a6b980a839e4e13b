/**
 * The layering lint rules (eslint/layering.mjs, configured in eslint.config.mjs) on fixture
 * files with deliberate violations. Each fixture names the project path it is linted as
 * (`// as: designer/flow/Probe.tsx`) and marks every line that must be reported with
 * `// violation`; every other import must pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "tests/fixtures/layering");
const eslint = new ESLint({ cwd: root });

const cases = readdirSync(fixtures)
  .filter((name) => /\.tsx?$/.test(name))
  .sort()
  .map((name) => {
    const code = readFileSync(path.join(fixtures, name), "utf8");
    const as = /^\/\/ as: (\S+)/.exec(code)?.[1];
    if (!as) throw new Error(`${name}: first line must be "// as: <project path>"`);
    const lines = code.split("\n");
    const marked = lines.flatMap((line, i) => (/\/\/ violation$/.test(line) ? [i + 1] : []));
    return { name, as, code, marked };
  });

describe("layering lint rules", () => {
  it("has fixtures with and without violations", () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining(["designer-server-imports.tsx", "client-component.tsx", "server-component.tsx", "runtime-upward.ts", "seed-upward.ts"]),
    );
    expect(cases.filter((c) => c.marked.length === 0).length).toBeGreaterThan(0);
  });

  it.each(cases)("$name (as $as): reports exactly the marked imports", async ({ as, code, marked }) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, as) });
    const layering = result.messages.filter((m) => m.ruleId?.startsWith("layering/"));
    const other = result.messages.filter((m) => m.fatal || m.ruleId === null);
    expect(other).toEqual([]);
    expect(layering.map((m) => m.line).sort((a, b) => a - b)).toEqual(marked);
    for (const message of layering) expect(message.severity).toBe(2);
  });

  it("checks only client components among app files: the same import passes in a server component", async () => {
    const client = cases.find((c) => c.name === "client-component.tsx")!;
    const asServer = client.code.replace('"use client";', "");
    const [result] = await eslint.lintText(asServer, { filePath: path.join(root, client.as) });
    expect(result.messages.filter((m) => m.ruleId?.startsWith("layering/"))).toEqual([]);
  });
});
