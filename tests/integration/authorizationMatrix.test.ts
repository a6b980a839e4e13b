/**
 * Who may call what: every tRPC procedure and HTTP route × every role (and anonymous) × an object
 * of one's own organisation (or one's own, for applicant data) and of another.
 *
 * The table (tests/support/procedureTable.ts, shared with the bad-input test) has one entry per
 * procedure: who may call it (`who`, a rule giving the expected outcome for each principal) and how
 * to build a valid input for the principal's own or other object (`input`); ROUTES the same for the
 * HTTP routes. The procedure list comes from the router: a procedure without an entry, or an entry
 * without a procedure, fails the test — add the entry with the procedure.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/runtime/trpc/appRouter";
import { CSRF_COOKIE, CSRF_HEADER } from "@/runtime/auth/cookies";
import { databaseKinds, type TestDb } from "../support/testDb";
import { callerFor, newBrowser, signedIn, type Browser } from "../support/caller";
import { hashPassword } from "@/runtime/auth/password";
import { tableTestWorld, type CaseFixtures } from "../support/caseFixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { HTTP_STATUS, PRINCIPALS, ROUTES, TABLE, type Call, type Principal } from "../support/procedureTable";
import type { TestServer } from "../support/httpServer";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-matrix-"));

// ------------------------------------------------------------------ the test

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription" };
}
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures;

it("has one matrix entry per procedure of the router", () => {
  const missing = Object.keys(procedures).filter((name) => !TABLE[name]);
  const stale = Object.keys(TABLE).filter((name) => !procedures[name]);
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
});

function outcomeOf(error: unknown): string {
  if (error instanceof TRPCError) return error.code;
  return `threw ${error instanceof Error ? error.message : String(error)}`;
}

describe.each(databaseKinds())("authorisation matrix on %s", (kind) => {
  let t: TestDb;
  let fx: CaseFixtures;
  let server: TestServer;
  const browsers = new Map<string, Browser>();

  const browserOf = async (principal: Principal, fresh = false): Promise<Browser> => {
    if (!principal.username) return newBrowser();
    if (fresh) return (await signedIn(t.db, principal.username)).browser;
    let browser = browsers.get(principal.username);
    if (!browser) {
      browser = (await signedIn(t.db, principal.username)).browser;
      browsers.set(principal.username, browser);
    }
    return browser;
  };
  const callFor = (principal: Principal): Call => ({
    fx,
    principal,
    ownWorker: principal.role === "reviewer" ? "xincheng.reviewer" : "xincheng.caseworker",
  });

  beforeAll(async () => {
    ({ t, fx, server } = await tableTestWorld(kind));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it("every procedure × every principal gives the expected outcome", async () => {
    const mismatches: string[] = [];
    for (const [name, entry] of Object.entries(TABLE)) {
      if (!procedures[name]) continue;
      const [namespace, procedure] = name.split(".");
      for (const principal of PRINCIPALS) {
        const expected = entry.who(principal);
        const input = await entry.input(callFor(principal));
        const caller = (await callerFor(t.db, await browserOf(principal, entry.freshSession))) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
        let actual: string;
        try {
          await caller[namespace][procedure](input);
          actual = "ok";
        } catch (error) {
          actual = outcomeOf(error);
        }
        if (actual !== expected) mismatches.push(`${name} as ${principal.role}/${principal.relation} (${principal.username ?? "anonymous"}): expected ${expected}, got ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);

  it("pauses and resumes in the role that holds the step, for a user who is both reviewer and caseworker of the office", async () => {
    await t.db.user.create({
      data: {
        username: "xincheng.both",
        displayName: "新城区复核兼经办",
        kind: "staff",
        passwordHash: await hashPassword(TEST_DEMO_PASSWORD),
        memberships: { create: [{ organisationId: "150102", role: "reviewer" }, { organisationId: "150102", role: "caseworker" }] },
      },
    });
    const both = await fx.as("xincheng.both");
    const atReview = await fx.atReview("zhangsan");
    const paused = await both.workbench.pause({ applicationId: atReview.id, reason: "等待鉴定结论", rowVersion: atReview.rowVersion });
    const view = await both.workbench.case({ id: atReview.id });
    expect(view.canResume).toBe(true);
    await both.workbench.resume({ applicationId: atReview.id, rowVersion: paused.rowVersion });
    // A reviewer alone is not offered 恢复 on a step it does not hold.
    const pausedAgain = await fx.paused("zhangsan");
    expect((await (await fx.as("xincheng.reviewer")).workbench.case({ id: pausedAgain.id })).canResume).toBe(false);
  });

  it("every HTTP route × every principal gives the expected status", async () => {
    const mismatches: string[] = [];
    for (const [name, route] of Object.entries(ROUTES)) {
      for (const principal of PRINCIPALS) {
        const expected = HTTP_STATUS[route.who(principal)];
        const browser = await browserOf(principal);
        const headers: Record<string, string> = {
          cookie: Object.entries(browser.cookies)
            .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
            .join("; "),
        };
        if (browser.cookies[CSRF_COOKIE]) headers[CSRF_HEADER] = browser.cookies[CSRF_COOKIE];
        const response = await route.send(callFor(principal), { server, headers });
        const status = response.status >= 200 && response.status < 300 ? 200 : response.status;
        await response.arrayBuffer();
        if (status !== expected) mismatches.push(`${name} as ${principal.role}/${principal.relation}: expected ${expected}, got ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
