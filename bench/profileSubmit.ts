/** Profiling aid: submitDirect in-process (no HTTP), timing each phase. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/runtime/db";
import { migrate } from "@/runtime/db";
import { prepareDatabase } from "@/seed/prepare";
import { publishService } from "@/tests/support/fixtures";
import { benchDefinition, submissionBody } from "./submissionFixture";
import { createContext } from "@/runtime/trpc/context";
import { createCallerFactory } from "@/runtime/trpc/init";
import { appRouter } from "@/runtime/trpc/appRouter";

const dir = mkdtempSync(path.join(os.tmpdir(), "prof-"));
process.env.DATABASE_URL = `file:${path.join(dir, "p.db")}`;
void migrate;
await prepareDatabase({ log: () => {} });
const db = createDb();
await publishService(db, benchDefinition());
const anon = createCallerFactory(appRouter)(await createContext({ headers: { host: "x" }, ip: "1" }, () => {}, db));
const cookies: string[] = [];
const ctx0 = await createContext({ headers: { host: "x" }, ip: "1" }, (c) => cookies.push(c.split(";")[0]), db);
await createCallerFactory(appRouter)(ctx0).auth.signIn({ username: "zhangsan", password: process.env.DEMO_PASSWORD ?? "Demo@2026" });
void anon;
const cookie = cookies.join("; ");
const csrf = decodeURIComponent(cookies.find((c) => c.startsWith("hrss_csrf="))!.split("=")[1]);
const N = Number(process.env.N ?? 2000);
let t = performance.now();
for (let i = 0; i < N; i++) {
  const ctx = await createContext({ headers: { host: "x", cookie, "x-csrf-token": csrf }, ip: "1" }, () => {}, db);
  await createCallerFactory(appRouter)(ctx).applications.submitDirect(submissionBody(`k-${i}-xxxxxxxx`) as never);
}
console.log(`submitDirect in-process: ${((performance.now() - t) / N).toFixed(3)} ms each`);
t = performance.now();
for (let i = 0; i < N; i++) await createContext({ headers: { host: "x", cookie, "x-csrf-token": csrf }, ip: "1" }, () => {}, db);
console.log(`createContext: ${((performance.now() - t) / N).toFixed(3)} ms each`);
process.exit(0);
