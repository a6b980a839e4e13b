/**
 * What bad input does, over HTTP: for every procedure of the router (generated from it and from
 * the table in tests/support/procedureTable.ts) wrong types, huge strings (1 MB), deep JSON
 * (nesting 10,000) and huge arrays (100,000 items) in each field, and other users' ids; path
 * tricks in upload file names; script in text fields and in administrators' titles. Each is
 * answered with a clear error (4xx with a Chinese message, never 500) and leaves the database
 * unchanged; script is kept as text and rendered escaped.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/runtime/trpc/appRouter";
import { TRPC_BASE_PATH } from "@/runtime/trpc/nodeHandler";
import { CSRF_COOKIE, CSRF_HEADER } from "@/runtime/auth/cookies";
import HallPage from "@/app/hall/page";
import { databaseKinds, type TestDb } from "../support/testDb";
import { signedIn, type Browser } from "../support/caller";
import { PNG_BYTES } from "../support/fixtures";
import { registrationForm, tableTestWorld, type CaseFixtures } from "../support/caseFixtures";
import { PRINCIPALS, TABLE, type Call, type Principal } from "../support/procedureTable";
import type { TestServer } from "../support/httpServer";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hrss-bad-input-"));
process.env.DATA_DIR = dataDir;

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures;

const SCRIPT = "<script>alert(1)</script>";
const HUGE_STRING = "a".repeat(1024 * 1024);
const DEEP = 10_000;
const HUGE_ARRAY = 100_000;
/** Stand-ins replaced in the request text, so that a deep value is never built as an object here. */
const DEEP_MARK = "__deep_json__";
const deepJson = () => `${'{"a":'.repeat(DEEP)}{}${"}".repeat(DEEP)}`;
const hugeArray = () => `[${Array.from({ length: HUGE_ARRAY }, () => "0").join(",")}]`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value of another type than `value`'s. */
function wrongType(value: unknown): Json {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "12345";
  if (typeof value === "boolean") return "是";
  if (value === null) return { 错误: true };
  return "不是对象";
}

/** `value` with its first string leaf (depth first) replaced by `replacement`, or null when it has none. */
function replaceFirstString(value: unknown, replacement: string): Json | null {
  if (typeof value === "string") return replacement;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const replaced = replaceFirstString(value[i], replacement);
      if (replaced !== null) return value.map((v, j) => (j === i ? replaced : v)) as Json;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const replaced = replaceFirstString(v, replacement);
      if (replaced !== null) return { ...(value as Record<string, Json>), [key]: replaced };
    }
  }
  return null;
}

interface BadCase {
  label: string;
  /** The request's input as JSON text. */
  text: string;
}

/** The generated bad inputs for a valid `input`: wrong types, a huge string, deep JSON and a huge array, per field. */
function badCases(input: unknown): BadCase[] {
  const cases: BadCase[] = [
    { label: "input of the wrong type", text: JSON.stringify("不是对象") },
    { label: "input as a huge array", text: hugeArray() },
    { label: "input as deep JSON", text: deepJson() },
  ];
  if (!input || typeof input !== "object") return cases;
  const fields = Object.entries(input as Record<string, unknown>);
  const withField = (key: string, value: unknown) => JSON.stringify({ ...(input as object), [key]: value });
  for (const [key, value] of fields) {
    cases.push({ label: `${key} of the wrong type`, text: withField(key, wrongType(value)) });
    cases.push({ label: `${key} as a 1 MB string`, text: withField(key, HUGE_STRING) });
    const nested = value && typeof value === "object" ? replaceFirstString(value, HUGE_STRING) : null;
    if (nested !== null) cases.push({ label: `a 1 MB string inside ${key}`, text: withField(key, nested) });
    cases.push({ label: `${key} as deep JSON`, text: withField(key, DEEP_MARK).replace(JSON.stringify(DEEP_MARK), deepJson()) });
    cases.push({ label: `${key} as a huge array`, text: withField(key, DEEP_MARK).replace(JSON.stringify(DEEP_MARK), hugeArray()) });
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const inner = Object.keys(value)[0];
      if (inner !== undefined) {
        const deepInside = { ...(value as object), [inner]: DEEP_MARK };
        cases.push({ label: `deep JSON inside ${key}`, text: withField(key, deepInside).replace(JSON.stringify(DEEP_MARK), deepJson()) });
      }
    }
  }
  return cases;
}

/** The principal a procedure's bad input is sent as: the first one allowed to call it, preferring its own objects. */
function allowedPrincipal(name: string): Principal {
  const entry = TABLE[name];
  const allowed = PRINCIPALS.filter((p) => entry.who(p) === "ok");
  return allowed.find((p) => p.relation === "own") ?? allowed[0];
}

/** A principal of the same role refused another's object, when the procedure takes an object. */
function otherPrincipal(name: string): Principal | undefined {
  const own = allowedPrincipal(name);
  return PRINCIPALS.find((p) => p.role === own.role && p.relation === "other" && TABLE[name].who(p) !== "ok");
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe.each(databaseKinds())("bad input on %s", (kind) => {
  let t: TestDb;
  let fx: CaseFixtures;
  let server: TestServer;
  const browsers = new Map<string, Browser>();

  const browserOf = async (principal: Principal, fresh = false): Promise<Browser | null> => {
    if (!principal.username) return null;
    if (fresh) return (await signedIn(t.db, principal.username)).browser;
    let browser = browsers.get(principal.username);
    if (!browser) {
      browser = (await signedIn(t.db, principal.username)).browser;
      browsers.set(principal.username, browser);
    }
    return browser;
  };
  const headersOf = (browser: Browser | null): Record<string, string> => {
    if (!browser) return {};
    const headers: Record<string, string> = {
      cookie: Object.entries(browser.cookies)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join("; "),
    };
    if (browser.cookies[CSRF_COOKIE]) headers[CSRF_HEADER] = browser.cookies[CSRF_COOKIE];
    return headers;
  };
  const callFor = (principal: Principal): Call => ({ fx, principal, ownWorker: principal.role === "reviewer" ? "xincheng.reviewer" : "xincheng.caseworker" });

  /** Sends `text` as the input of procedure `name`: a mutation as a POST body, a query in the URL. */
  const send = (name: string, text: string, headers: Record<string, string>) => {
    const url = `${server.base}${TRPC_BASE_PATH}${name}`;
    if (procedures[name]._def.type === "mutation") {
      return fetch(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: text });
    }
    return fetch(`${url}?input=${encodeURIComponent(text)}`, { headers });
  };

  /** A fingerprint of everything the product keeps (sessions and sign-in attempts aside). */
  const fingerprint = async () => {
    const db = t.db;
    const tables = await Promise.all([
      db.application.findMany({ orderBy: { id: "asc" } }),
      db.attachment.findMany({ orderBy: { id: "asc" } }),
      db.task.findMany({ orderBy: { id: "asc" } }),
      db.service.findMany({ orderBy: { id: "asc" } }),
      db.serviceVersion.findMany({ orderBy: { id: "asc" } }),
      db.calendarOverride.findMany({ orderBy: { date: "asc" } }),
      db.user.findMany({ orderBy: { id: "asc" } }),
      db.membership.findMany({ orderBy: { id: "asc" } }),
      db.auditEvent.count(),
    ]);
    const files = readdirSync(dataDir, { recursive: true }).length;
    return createHash("sha256").update(JSON.stringify({ tables, files })).digest("hex");
  };

  const problems: string[] = [];
  /** Checks an answer: a 4xx with a Chinese message, and the database as it was. */
  const expectRefused = async (what: string, response: Response, before: string) => {
    const body = await response.text();
    let message = "";
    try {
      message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? "";
    } catch {
      message = "";
    }
    if (response.status < 400 || response.status >= 500) problems.push(`${what}: status ${response.status} ${body.slice(0, 200)}`);
    else if (!hasChinese(message)) problems.push(`${what}: ${response.status} without a Chinese message: ${body.slice(0, 200)}`);
    if ((await fingerprint()) !== before) problems.push(`${what}: the database changed`);
  };

  beforeAll(async () => {
    ({ t, fx, server } = await tableTestWorld(kind));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it("every procedure refuses wrong types, huge strings, deep JSON and huge arrays clearly, changing nothing", async () => {
    problems.length = 0;
    let sent = 0;
    for (const name of Object.keys(procedures)) {
      const entry = TABLE[name];
      expect(entry, `${name} has no entry in tests/support/procedureTable.ts`).toBeDefined();
      if (procedures[name]._def.inputs.length === 0) continue; // takes no input: nothing to get wrong
      const principal = allowedPrincipal(name);
      const input = await entry.input(callFor(principal));
      const headers = headersOf(await browserOf(principal, entry.freshSession));
      for (const bad of badCases(input)) {
        const before = await fingerprint();
        await expectRefused(`${name}: ${bad.label}`, await send(name, bad.text, headers), before);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 600_000);

  it("every procedure taking an object refuses another user's, changing nothing", async () => {
    problems.length = 0;
    let sent = 0;
    for (const name of Object.keys(procedures)) {
      const other = otherPrincipal(name);
      if (!other) continue;
      const input = await TABLE[name].input(callFor(other));
      const headers = headersOf(await browserOf(other));
      const before = await fingerprint();
      await expectRefused(`${name} as ${other.username} on another's object`, await send(name, JSON.stringify(input), headers), before);
      sent++;
    }
    expect(sent).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  }, 300_000);

  it("refuses path tricks in upload file names, or keeps only a plain name", async () => {
    problems.length = 0;
    const applicant = await browserOf(PRINCIPALS.find((p) => p.username === "zhangsan")!);
    const id = await fx.draft("zhangsan");
    const upload = (rawName: string, encode = true) =>
      fetch(`${server.base}/api/files?applicationId=${id}&materialId=m1`, {
        method: "POST",
        headers: { ...headersOf(applicant), origin: server.base, "x-file-name": encode ? encodeURIComponent(rawName) : rawName },
        body: Buffer.from(PNG_BYTES),
      });
    // Without an allowed extension: refused.
    for (const name of ["../../etc/passwd", "..\\..\\x", "a.png\u0000.exe", "%2e%2e%2fetc%2fpasswd"]) {
      const before = await fingerprint();
      await expectRefused(`upload named ${JSON.stringify(name)}`, await upload(name), before);
    }
    // With one: stored under a plain name (no path, no control characters, at most 120 characters).
    for (const name of ["../../etc/passwd.png", "..\\..\\x.png", "a\u0000b.png", `${"长".repeat(1000)}.png`, `${"长".repeat(5000)}.png`, "/absolute/id.png"]) {
      const response = await upload(name);
      const body = (await response.json()) as { attachment?: { fileName: string }; error?: { message: string } };
      if (response.status !== 201) {
        if (response.status >= 500 || !hasChinese(body.error?.message ?? "")) problems.push(`upload named ${name.slice(0, 40)}: ${response.status}`);
        continue;
      }
      const stored = body.attachment!.fileName;
      if (/[\\/]/.test(stored) || stored.includes("\u0000") || stored.startsWith("..") || stored.length > 120) problems.push(`upload named ${name.slice(0, 40)} stored as ${stored}`);
    }
    for (const file of readdirSync(dataDir, { recursive: true }) as string[]) expect(path.resolve(dataDir, file).startsWith(dataDir)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("refuses data for a form the service does not have, in a direct submission as in a draft", async () => {
    const applicant = await browserOf(PRINCIPALS.find((p) => p.username === "zhangsan")!);
    const input = { code: fx.code, officeId: "150102", formData: { ...registrationForm(), extra: { anything: "藏在办件里的数据" } }, idempotencyKey: fx.unique("bad-direct") };
    const before = await fingerprint();
    problems.length = 0;
    await expectRefused("submitDirect with an unknown form", await send("applications.submitDirect", JSON.stringify(input), headersOf(applicant)), before);
    expect(problems).toEqual([]);
  });

  it("keeps script in applicants' text as text", async () => {
    const applicant = (await fx.as("zhangsan")).applications;
    const id = await fx.draft("zhangsan");
    const form = registrationForm();
    form.registration.name = SCRIPT;
    await applicant.saveDraft({ id, formData: form, rowVersion: 1 });
    const saved = await applicant.get({ id });
    expect((saved.application.formData as typeof form).registration.name).toBe(SCRIPT);
    const filed = (await fx.submitted("zhangsan")).id;
    await applicant.withdraw({ id: filed, reason: SCRIPT });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "withdraw", applicationId: filed } });
    expect(event.payload).toMatchObject({ reason: SCRIPT });
  });

  it("keeps script in administrators' titles as text and renders it escaped", async () => {
    const admin = (await fx.as("region.admin")).designer;
    const created = await fx.service("150000", "region.admin");
    const opened = await admin.get({ serviceId: created.serviceId });
    const definition = { ...(opened.draft!.definition as Record<string, unknown>), title: `失业登记${SCRIPT}` };
    const saved = await admin.saveDraft({ serviceId: created.serviceId, draftId: opened.draft!.id, revision: opened.draft!.revision, definition });
    await admin.publish({ serviceId: created.serviceId, draftId: saved.draftId, revision: saved.revision });
    const service = await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } });
    const version = await t.db.serviceVersion.findFirstOrThrow({ where: { serviceId: created.serviceId, status: "published" } });
    expect((version.definition as { title: string }).title).toBe(`失业登记${SCRIPT}`);

    const titled = await admin.createService({ code: "script-title", title: SCRIPT, part: SCRIPT, category: "测试" });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: titled.serviceId } })).title).toBe(SCRIPT);

    const html = renderToStaticMarkup(await HallPage({ searchParams: Promise.resolve({ q: "失业登记" }) }));
    expect(html).toContain(`失业登记&lt;script&gt;alert(1)&lt;/script&gt;`);
    expect(html).not.toContain(SCRIPT);
    expect(service.code).toBeTruthy();
  });
});
