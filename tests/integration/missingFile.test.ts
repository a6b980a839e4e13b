/** A material whose file is gone from the store (another instance's disk, a lost file) answers 404, never 500. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { openAttachment, storeUpload } from "@/runtime/features/applications/uploads";
import { databaseKinds } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, PNG_BYTES, seededTestDbFor } from "../support/fixtures";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-missing-"));
const definition = exampleDefinition();

describe.each(databaseKinds())("a missing file on %s", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("answers not found, and records no download", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    const attachment = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    rmSync(path.join(process.env.DATA_DIR!, row.storageKey));
    await expect(openAttachment(t.db, me, attachment.id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "材料文件不存在，请联系办理机构" });
    expect(await t.db.auditEvent.count({ where: { action: "download", entityId: attachment.id } })).toBe(0);
  });
});
