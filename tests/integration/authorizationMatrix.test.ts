/**
 * Who may call what: every tRPC procedure and HTTP route × every role (and anonymous) × an object
 * of one's own organisation (or one's own, for applicant data) and of another.
 *
 * The table below has one entry per procedure: who may call it (`who`, a rule giving the expected
 * outcome for each principal) and how to build a valid input for the principal's own or other
 * object (`input`). The procedure list comes from the router: a procedure without an entry, or an
 * entry without a procedure, fails the test — add the entry with the procedure.
 *
 * Principals: staff of 150102 (新城区) are "own" for the fixture cases, filed at 150102; staff of
 * 150100 (呼和浩特市) are "other". A region administrator's own services belong to 150000, its
 * "other" ones to 150102. Applicants: `own` acts on its own objects, `other` on zhangsan's
 * (as lisi, a second person applicant, or as company.demo).
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/runtime/trpc/appRouter";
import { closeDb } from "@/runtime/db";
import { CSRF_COOKIE, CSRF_HEADER } from "@/runtime/auth/cookies";
import { GET as formValidator } from "@/app/api/form-validators/[versionId]/[formId]/route";
import { databaseKinds, type TestDb } from "../support/testDb";
import { callerFor, newBrowser, signedIn, type Browser } from "../support/caller";
import { createSeededTestDb, PNG_BYTES } from "../support/fixtures";
import { CaseFixtures, CASE_OFFICE, createPersonApplicant, registrationForm } from "../support/caseFixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { startHttpServer, type TestServer } from "../support/httpServer";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-matrix-"));

// ------------------------------------------------------------------ principals

type Role = "anonymous" | "person" | "organisation" | "caseworker" | "reviewer" | "office_admin" | "region_admin";
type Relation = "own" | "other";

interface Principal {
  role: Role;
  relation: Relation;
  /** The account acting; null for anonymous. */
  username: string | null;
  /** Whose applicant data the object is. */
  owner: string;
  /** The organisation that owns a designer object (cases are always filed at 150102). */
  org: string;
  /** The administrator who creates that organisation's services. */
  orgAdmin: string;
}

const p = (role: Role, relation: Relation, username: string | null, owner = "zhangsan", org = CASE_OFFICE, orgAdmin = "xincheng.admin"): Principal => ({
  role,
  relation,
  username,
  owner,
  org,
  orgAdmin,
});

const PRINCIPALS: Principal[] = [
  p("anonymous", "other", null),
  p("person", "own", "zhangsan"),
  p("person", "other", "lisi"),
  p("organisation", "own", "company.demo", "company.demo"),
  p("organisation", "other", "company.demo"),
  p("caseworker", "own", "xincheng.caseworker"),
  p("caseworker", "other", "hohhot.caseworker"),
  p("reviewer", "own", "xincheng.reviewer"),
  p("reviewer", "other", "hohhot.reviewer"),
  p("office_admin", "own", "xincheng.admin"),
  p("office_admin", "other", "hohhot.admin"),
  p("region_admin", "own", "region.admin", "zhangsan", "150000", "region.admin"),
  p("region_admin", "other", "region.admin"),
];

// ------------------------------------------------------------------ rules: who may call

type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Rule = (principal: Principal) => Outcome;

const APPLICANTS: Role[] = ["person", "organisation"];
const WORKERS: Role[] = ["caseworker", "reviewer"];
const ADMINS: Role[] = ["office_admin", "region_admin"];
const STAFF: Role[] = [...WORKERS, ...ADMINS];

/** Anyone, signed in or not. */
const everyone: Rule = () => "ok";

/** Signed-in users of `roles`; when `scoped`, only on their own objects (another's is "not found"). */
function only(roles: Role[], options: { scoped: boolean; otherwise?: Partial<Record<Role, Outcome>> }): Rule {
  return (principal) => {
    if (principal.role === "anonymous") return "UNAUTHORIZED";
    if (!roles.includes(principal.role)) return options.otherwise?.[principal.role] ?? "FORBIDDEN";
    return options.scoped && principal.relation === "other" ? "NOT_FOUND" : "ok";
  };
}

/** Applicants on their own objects. */
const ownApplicantData = only(APPLICANTS, { scoped: true });
/** Any applicant (the procedure acts on nothing of anyone else's). */
const anyApplicant = only(APPLICANTS, { scoped: false });
/** Caseworkers and reviewers of the case's office. */
const officeWorkers = only(WORKERS, { scoped: true });
/** The office's staff holding the case's current step (审核, a caseworker's): its reviewers are refused. */
const stepHolders: Rule = (principal) => (principal.role === "reviewer" && principal.relation === "own" ? "FORBIDDEN" : officeWorkers(principal));
/** Administrators of the service's owner. */
const serviceAdmins = only(ADMINS, { scoped: true });

// ------------------------------------------------------------------ the table

interface Call {
  fx: CaseFixtures;
  principal: Principal;
  /** The own-organisation account of the principal's role (to set up "other" objects as their office would). */
  ownWorker: string;
}

interface Entry {
  who: Rule;
  /** A valid input for the principal's own or other object, built fresh. */
  input: (call: Call) => Promise<unknown>;
  /** Call from a new session of the principal (the call signs in or out). */
  freshSession?: boolean;
}

const none = async () => undefined;
/** The worker task of the principal's role: 受理 for caseworkers, 复核 for reviewers. */
const taskFor = async ({ fx, principal }: Call) => (principal.role === "reviewer" ? fx.atSecondReview("zhangsan") : fx.submitted("zhangsan"));

const TABLE: Record<string, Entry> = {
  "auth.me": { who: everyone, input: none },
  "auth.signIn": { who: everyone, freshSession: true, input: async () => ({ username: "matrix.signin", password: TEST_DEMO_PASSWORD }) },
  "auth.signOut": { who: everyone, freshSession: true, input: none },

  "catalogue.list": { who: everyone, input: async () => ({}) },
  "catalogue.get": { who: everyone, input: async ({ fx }) => ({ code: fx.code }) },

  "applications.offices": { who: everyone, input: async ({ fx }) => ({ code: fx.code }) },
  "applications.startDraft": { who: anyApplicant, input: async ({ fx }) => ({ code: fx.code, officeId: CASE_OFFICE }) },
  "applications.get": { who: ownApplicantData, input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner) }) },
  "applications.saveDraft": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner), formData: registrationForm(), rowVersion: 1 }),
  },
  "applications.removeAttachment": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => {
      const { applicationId, attachmentId } = await fx.attachment(principal.owner);
      return { id: applicationId, attachmentId };
    },
  },
  "applications.submit": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => ({ id: (await fx.savedDraft(principal.owner)).id, idempotencyKey: fx.unique("matrix-submit") }),
  },
  "applications.submitDirect": {
    who: anyApplicant,
    input: async ({ fx }) => ({ code: fx.code, officeId: CASE_OFFICE, formData: registrationForm(), idempotencyKey: fx.unique("matrix-direct") }),
  },
  "applications.mine": { who: anyApplicant, input: none },
  "applications.answerCorrection": {
    who: ownApplicantData,
    input: async ({ fx, principal }) => {
      const { id, rowVersion } = await fx.waitingApplicant(principal.owner);
      return { id, formData: registrationForm(), rowVersion };
    },
  },
  "applications.withdraw": { who: ownApplicantData, input: async ({ fx, principal }) => ({ id: await fx.draft(principal.owner) }) },
  "applications.document": {
    // The applicant of the case, or the caseworkers and reviewers of its office; administrators do not work cases.
    who: (principal) => (APPLICANTS.includes(principal.role) ? ownApplicantData(principal) : ADMINS.includes(principal.role) ? "NOT_FOUND" : officeWorkers(principal)),
    input: async ({ fx, principal }) => ({ id: (await fx.submitted(principal.owner)).id, kind: "receipt" }),
  },

  "workbench.inbox": { who: only(WORKERS, { scoped: false }), input: async () => ({}) },
  "workbench.case": { who: officeWorkers, input: async ({ fx }) => ({ id: (await fx.submitted("zhangsan")).id }) },
  "workbench.claim": { who: officeWorkers, input: async (call) => ({ taskId: (await taskFor(call)).taskId }) },
  "workbench.release": {
    who: officeWorkers,
    input: async ({ fx, principal, ownWorker }) => {
      const role = principal.role === "reviewer" ? "reviewer" : "caseworker";
      const claimer = principal.relation === "own" && WORKERS.includes(principal.role) ? principal.username! : ownWorker;
      return { taskId: await fx.claimedTask(role, claimer) };
    },
  },
  "workbench.act": {
    who: officeWorkers,
    input: async (call) => {
      const task = await taskFor(call);
      return { applicationId: task.id, taskId: task.taskId, actionId: call.principal.role === "reviewer" ? "confirm" : "accept", rowVersion: task.rowVersion };
    },
  },
  "workbench.pause": {
    who: stepHolders,
    input: async ({ fx }) => {
      const { id, rowVersion } = await fx.atReview("zhangsan");
      return { applicationId: id, reason: "等待鉴定结论", rowVersion };
    },
  },
  "workbench.resume": {
    who: stepHolders,
    input: async ({ fx }) => {
      const { id, rowVersion } = await fx.paused("zhangsan");
      return { applicationId: id, rowVersion };
    },
  },

  "designer.list": { who: only(ADMINS, { scoped: false }), input: async () => ({}) },
  "designer.groups": { who: only(ADMINS, { scoped: false }), input: none },
  "designer.get": { who: serviceAdmins, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.source": { who: serviceAdmins, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.versions": { who: serviceAdmins, input: async ({ fx, principal }) => ({ serviceId: (await fx.service(principal.org, principal.orgAdmin)).serviceId }) },
  "designer.version": { who: serviceAdmins, input: async ({ fx, principal }) => await fx.publishedService(principal.org, principal.orgAdmin) },
  "designer.compare": {
    who: serviceAdmins,
    input: async ({ fx, principal }) => {
      const { serviceId, versionId } = await fx.publishedService(principal.org, principal.orgAdmin);
      return { serviceId, beforeId: versionId, afterId: versionId };
    },
  },
  "designer.saveDraft": {
    who: serviceAdmins,
    input: async ({ fx, principal }) => {
      const service = await fx.service(principal.org, principal.orgAdmin);
      return { ...service, definition: { ...fx.definition, summary: "矩阵测试的修改" } };
    },
  },
  "designer.publish": { who: serviceAdmins, input: async ({ fx, principal }) => await fx.service(principal.org, principal.orgAdmin) },
  "designer.restore": {
    who: serviceAdmins,
    input: async ({ fx, principal }) => ({ ...(await fx.publishedService(principal.org, principal.orgAdmin)), draftId: null, revision: null }),
  },
  "designer.createService": {
    // Under one's own organisation only: another's is refused outright (creating reveals nothing).
    who: (principal) => (serviceAdmins(principal) === "NOT_FOUND" ? "FORBIDDEN" : serviceAdmins(principal)),
    input: async ({ fx, principal }) => ({
      code: fx.unique("new").toLowerCase().replace(/[^a-z0-9-]/g, ""),
      title: "新事项",
      part: "测试",
      category: "测试",
      ownerOrgId: principal.org,
    }),
  },

  "calendar.year": { who: only(STAFF, { scoped: false }), input: async () => ({ year: 2026 }) },
  "calendar.setDay": { who: only(["region_admin"], { scoped: false }), input: async () => ({ date: "2031-03-04", kind: "holiday", note: "矩阵测试" }) },
  "calendar.clearDay": {
    who: only(["region_admin"], { scoped: false }),
    input: async ({ fx }) => {
      await (await fx.as("region.admin")).calendar.setDay({ date: "2031-03-05", kind: "holiday", note: "矩阵测试" });
      return { date: "2031-03-05" };
    },
  },
};

// ------------------------------------------------------------------ HTTP routes

interface RouteEntry {
  who: Rule;
  /** Sends the request as the principal's browser (cookies and CSRF header) and returns the response. */
  send: (call: Call, http: { server: TestServer; headers: Record<string, string> }) => Promise<Response>;
}

const ROUTES: Record<string, RouteEntry> = {
  "POST /api/files": {
    who: ownApplicantData,
    send: async ({ fx, principal }, { server, headers }) => {
      const id = await fx.draft(principal.owner);
      return fetch(`${server.base}/api/files?applicationId=${id}&materialId=m1`, {
        method: "POST",
        headers: { ...headers, origin: server.base, "x-file-name": "id.png" },
        body: Buffer.from(PNG_BYTES),
      });
    },
  },
  "GET /api/files/<id>": {
    who: (principal) => (APPLICANTS.includes(principal.role) ? ownApplicantData(principal) : ADMINS.includes(principal.role) ? "NOT_FOUND" : officeWorkers(principal)),
    send: async ({ fx, principal }, { server, headers }) => {
      const { attachmentId } = await fx.submittedWithAttachment(principal.owner);
      return fetch(`${server.base}/api/files/${attachmentId}`, { headers });
    },
  },
  "GET /api/form-validators/<versionId>/<formId>": {
    who: everyone,
    send: async ({ fx }, { headers }) =>
      formValidator(new Request(`http://localhost/api/form-validators/${fx.published.versionId}/registration`, { headers }), {
        params: Promise.resolve({ versionId: fx.published.versionId, formId: "registration" }),
      }),
  },
};

const HTTP_STATUS: Record<Outcome, number> = { ok: 200, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

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
    t = await createSeededTestDb(kind);
    await createPersonApplicant(t.db, "lisi", "李四");
    await createPersonApplicant(t.db, "matrix.signin", "登录测试");
    fx = new CaseFixtures(t.db);
    await fx.setUp();
    process.env.DATABASE_URL = t.url;
    server = await startHttpServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await closeDb();
    delete process.env.DATABASE_URL;
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
