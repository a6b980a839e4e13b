/**
 * `npm test`: typecheck, lint, vitest (unit + integration on SQLite and PostgreSQL),
 * a production build, then Playwright end-to-end tests in headless Chromium. Ends with
 * one plain line totalling the test runs: `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const resultsDir = path.join(root, "test-results");

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function ensureChromium(): string {
  let chromium = findChromium();
  if (chromium) return chromium;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("未找到 Chromium，正在安装 Debian 的 chromium 与 fonts-noto-cjk …");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    chromium = findChromium();
    if (chromium) return chromium;
  }
  console.error(
    "端到端测试需要 Chromium，但本机没有找到。\n" +
      "请安装：sudo apt-get install -y chromium fonts-noto-cjk\n" +
      "或设置环境变量 CHROMIUM_PATH 指向 Chromium 可执行文件。",
  );
  process.exit(1);
}

interface Counts {
  passed: number;
  failed: number;
}

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

const chromium = ensureChromium();
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const steps: { name: string; ok: boolean }[] = [];
steps.push({ name: "typecheck", ok: run("类型检查 (tsc)", "npx", ["tsc", "--noEmit"]) });
steps.push({ name: "lint", ok: run("代码检查 (eslint)", "npx", ["eslint", "--max-warnings=0", "."]) });
const vitestFile = path.join(resultsDir, "vitest.json");
steps.push({
  name: "vitest",
  ok: run("单元与集成测试 (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=./tests/support/skippedSuitesReporter.ts", "--reporter=json", `--outputFile=${vitestFile}`]),
});
const built = run("构建 (next build)", "npx", ["next", "build"]);
steps.push({ name: "build", ok: built });
const e2eFile = path.join(resultsDir, "e2e.json");
if (built) {
  steps.push({ name: "e2e", ok: run("端到端测试 (playwright)", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium }) });
}

const loadFile = path.join(resultsDir, "load.json");
if (built) {
  steps.push({
    name: "load",
    ok: run("负载与崩溃测试 (tests/load/nothingLost.ts)", "node", ["--import", "tsx", "tests/load/nothingLost.ts"], { LOAD_RESULT_FILE: loadFile }),
  });
}

function loadCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  return JSON.parse(readFileSync(file, "utf8")) as Counts;
}

const v = vitestCounts(vitestFile);
const e2e = built ? playwrightCounts(e2eFile) : { passed: 0, failed: 1 };
const load = built ? loadCounts(loadFile) : { passed: 0, failed: 1 };
const p = { passed: e2e.passed + load.passed, failed: e2e.failed + load.failed };
const failedSteps = steps.filter((s) => !s.ok).map((s) => s.name);
console.log(`\nvitest: ${v.passed} passed, ${v.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed; load: ${load.passed} passed, ${load.failed} failed`);
if (failedSteps.length) console.log(`未通过的步骤：${failedSteps.join(", ")}`);
const stepFailures = failedSteps.filter((s) => s === "typecheck" || s === "lint" || s === "build").length;
console.log(`${v.passed + p.passed} passed, ${v.failed + p.failed + stepFailures} failed`);
process.exit(failedSteps.length ? 1 : 0);
