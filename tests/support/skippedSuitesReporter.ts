/**
 * Vitest reporter: after the run, lists every suite that was skipped as a whole, with its title
 * (which says why, e.g. "designer on postgres — skipped: PostgreSQL unavailable (TEST_PG=0)").
 * The default reporter only counts skipped tests; this names them, so a suite that did not run
 * cannot go unnoticed.
 */
import type { Reporter, TestModule, TestSuite } from "vitest/node";

function wholeSkippedSuites(module: TestModule): TestSuite[] {
  const found: TestSuite[] = [];
  for (const suite of module.children.allSuites()) {
    if (suite.state() !== "skipped") continue;
    // Only the outermost one: its nested suites are skipped with it.
    if (suite.parent.type === "suite" && suite.parent.state() === "skipped") continue;
    found.push(suite);
  }
  return found;
}

export default class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const suite of wholeSkippedSuites(module)) {
        const tests = [...suite.children.allTests()].length;
        lines.push(`  ↓ ${module.moduleId.replace(`${process.cwd()}/`, "")} > ${suite.fullName} (${tests} ${tests === 1 ? "test" : "tests"})`);
      }
    }
    if (lines.length === 0) return;
    process.stdout.write(`\nSkipped suites (${lines.length}):\n${lines.join("\n")}\n`);
  }
}
