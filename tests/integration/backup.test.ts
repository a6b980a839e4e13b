/**
 * A backup taken while submissions keep coming restores into a new place with every case
 * acknowledged before it began, its files, and an intact audit chain.
 */
import { mkdtempSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, sqliteFilePath } from "@/runtime/db";
import { backup, restore } from "@/runtime/ops/backup";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { describeOnDatabases, createTestDb, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES, VALID_ID } from "../support/fixtures";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hrss-backup-files-"));
process.env.DATA_DIR = dataDir;
const definition = exampleDefinition();
const form = { registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true } };

describeOnDatabases("backup and restore", (kind) => {
  let t: TestDb;
  let target: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    target = await createTestDb(kind, { migrate: false });
  }, 120_000);
  afterAll(async () => {
    await target?.cleanup();
    await t?.cleanup();
  });

  it("backs up under load and restores every case acknowledged before, with its files", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const submit = (key: string) => applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: form, idempotencyKey: key });
    const before = await Promise.all(Array.from({ length: 40 }, (_, i) => submit(`backup-before-${String(i).padStart(4, "0")}`)));
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id: draftId } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    const file = await storeUpload(t.db, me, { applicationId: draftId, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });

    const out = mkdtempSync(path.join(os.tmpdir(), "hrss-backup-"));
    const during = Array.from({ length: 40 }, (_, i) => submit(`backup-during-${String(i).padStart(4, "0")}`));
    const manifest = await backup(out, { url: t.url, dataDir });
    await Promise.all(during);
    expect(manifest).toMatchObject({ kind, files: true });

    const restoredFiles = mkdtempSync(path.join(os.tmpdir(), "hrss-restored-files-"));
    const restoreUrl = kind === "sqlite" ? `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "hrss-restored-")), "restored.db")}` : target.url;
    restore(out, { url: restoreUrl, dataDir: restoredFiles });
    const restored = createDb(restoreUrl);
    try {
      const numbers = (await restored.application.findMany({ where: { caseNumber: { in: before.map((b) => b.caseNumber) } }, select: { caseNumber: true } })).map((r) => r.caseNumber);
      expect(numbers.sort()).toEqual(before.map((b) => b.caseNumber).sort());
      const attachment = await restored.attachment.findUniqueOrThrow({ where: { id: file.id } });
      expect(existsSync(path.join(restoredFiles, attachment.storageKey))).toBe(true);
      expect((await verifyAuditTrail(restored)).ok).toBe(true);
      if (kind === "sqlite") expect(sqliteFilePath(restoreUrl)).not.toBe(sqliteFilePath(t.url));
    } finally {
      await restored.$disconnect();
    }
    // Restoring over an existing database is refused.
    if (kind === "sqlite") expect(() => restore(out, { url: restoreUrl, dataDir: restoredFiles })).toThrow("目标数据库文件已存在");
  }, 120_000);
});
