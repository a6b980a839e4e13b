/**
 * Starts one throwaway PostgreSQL cluster for the whole test run (tests/support/testDb.ts makes
 * a database per test on it) and stops it at the end. Its URL reaches the test workers as the env
 * TEST_PG_URL (and `inject("testPgUrl")`).
 * - TEST_PG_URL already set: used as is, nothing started.
 * - PostgreSQL unavailable: database tests run on SQLite only — unless REQUIRE_PG=1, which fails.
 * - TEST_PG=0: do not start PostgreSQL (SQLite only), e.g. for quick unit runs.
 */
import type { TestProject } from "vitest/node";
import { PG_UNAVAILABLE_ENV, pgClusterUnavailableReason, startPgCluster } from "./tests/support/pgCluster";
import { TEST_DEMO_PASSWORD } from "./tests/support/demoPassword";

declare module "vitest" {
  export interface ProvidedContext {
    testPgUrl: string | null;
  }
}

const requirePg = () => process.env.REQUIRE_PG === "1" || process.env.REQUIRE_PG === "true";

export default async function setup(project: TestProject) {
  // The demo accounts' password, explicit (and not a published one), so no test reads or writes
  // data/demo-password.txt. Workers inherit it.
  process.env.DEMO_PASSWORD = TEST_DEMO_PASSWORD;
  if (process.env.TEST_PG_URL) {
    project.provide("testPgUrl", process.env.TEST_PG_URL);
    return;
  }
  const unavailable = (reason: string) => {
    if (requirePg()) throw new Error(`REQUIRE_PG=1 but PostgreSQL is unavailable: ${reason}`);
    process.env[PG_UNAVAILABLE_ENV] = reason;
    project.provide("testPgUrl", null);
  };
  if (process.env.TEST_PG === "0") return unavailable("TEST_PG=0");
  const reason = pgClusterUnavailableReason();
  if (reason) return unavailable(reason);

  let cluster;
  try {
    cluster = await startPgCluster({ database: "tests" });
  } catch (err) {
    const msg = (err as Error).message;
    console.warn(`[global-setup] could not start PostgreSQL, database tests run on SQLite only: ${msg}`);
    return unavailable(msg);
  }
  process.env.TEST_PG_URL = cluster.url;
  project.provide("testPgUrl", cluster.url);
  return async () => {
    delete process.env.TEST_PG_URL;
    await cluster.stop();
  };
}
