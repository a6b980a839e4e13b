/**
 * A file written without its row (the process died between storing the upload and committing
 * it, or in the middle of writing) is removed at start; files with rows, and recent files that
 * may belong to an upload in flight, stay.
 */
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { removeOrphanUploads } from "@/runtime/features/applications/orphanFiles";
import { databaseKinds } from "../support/testDb";
import { signedIn } from "../support/caller";
import { exampleDefinition, PNG_BYTES, seededTestDbFor } from "../support/fixtures";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hrss-orphans-"));
process.env.DATA_DIR = dataDir;
const definition = exampleDefinition();

describe.each(databaseKinds())("files without their rows on %s", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("removes old orphans and leftovers of interrupted writes, keeps stored and recent files", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const me = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    const stored = await storeUpload(t.db, me, { applicationId: id, materialId: "m1", fileName: "id.png", bytes: PNG_BYTES });
    const storedFile = path.join(dataDir, (await t.db.attachment.findUniqueOrThrow({ where: { id: stored.id } })).storageKey);

    const folder = path.join(dataDir, "attachments", "2026", "12");
    mkdirSync(folder, { recursive: true });
    const orphan = path.join(folder, `${kind}-0123456789abcdef0123456789abcdef.png`);
    const interrupted = path.join(folder, `${kind}-fedcba9876543210fedcba9876543210.png.4242.a1b2c3.tmp`);
    const recent = path.join(folder, `${kind}-00112233445566778899aabbccddeeff.png`);
    for (const file of [orphan, interrupted, recent]) writeFileSync(file, PNG_BYTES);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [orphan, interrupted, storedFile]) utimesSync(file, hourAgo, hourAgo);

    const result = await removeOrphanUploads(t.db);
    expect(result.removed).toBeGreaterThanOrEqual(2);
    expect([existsSync(orphan), existsSync(interrupted), existsSync(recent), existsSync(storedFile)]).toEqual([false, false, true, true]);
  });
});
