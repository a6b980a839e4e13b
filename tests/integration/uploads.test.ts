/**
 * Issue 9, item 9, over HTTP (/api/files): a case holds at most 50 files and 100 MB (refused with
 * 413 before the body is read, by the declared length, and again in the write transaction);
 * deleting a draft deletes its files and their rows; an `.ofd` must be an OFD package, not any ZIP.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES } from "../support/fixtures";
import { TEST_DEMO_PASSWORD } from "../support/demoPassword";
import { mutation, setCookies, serveTestDb, type TestServer } from "../support/httpServer";
import { ofdPackage, OFD_XML, zip } from "../support/zip";
import { loadSessionUser } from "@/runtime/auth/session";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "@/runtime/auth/cookies";
import { MAX_CASE_BYTES, MAX_CASE_FILES } from "@/runtime/forms/fileTypes";
import { checkUploadTarget, storeCheckedUpload } from "@/runtime/features/applications/uploads";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "hrss-uploads-"));
process.env.DATA_DIR = dataDir;

/** Every stored file under DATA_DIR. */
function storedFiles(): string[] {
  try {
    return readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe.each(databaseKinds())("uploads on %s", (kind) => {
  let t: TestDb;
  let server: TestServer;
  let cookie: string;
  let csrf: string;
  const definition = exampleDefinition();

  const call = async <T>(path: string, input: unknown): Promise<T> => {
    const response = await mutation(server, path, input, { cookie, [CSRF_HEADER]: csrf });
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  const newDraft = async () => (await call<{ id: string }>("applications.startDraft", { code: definition.code, officeId: "150102" })).id;
  const upload = (applicationId: string, fileName: string, bytes: Uint8Array) =>
    fetch(`${server.base}/api/files?applicationId=${applicationId}&materialId=m1`, {
      method: "POST",
      headers: { cookie, [CSRF_HEADER]: csrf, origin: server.base, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(fileName) },
      body: Buffer.from(bytes),
    });
  const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
  /** Rows as earlier uploads leave them (their files are not needed for the quota). */
  const fill = async (applicationId: string, files: number, bytesEach: number) => {
    const applicant = await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });
    await t.db.attachment.createMany({
      data: Array.from({ length: files }, (_, i) => ({
        applicationId,
        materialId: "m1",
        uploaderId: applicant.id,
        fileName: `earlier-${i}.png`,
        mimeType: "image/png",
        size: bytesEach,
        sha256: "0".repeat(64),
        storageKey: `attachments/earlier/${applicationId}-${i}.png`,
      })),
    });
  };

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    definition.materials[0].obtainableBySharing = false;
    await publishService(t.db, definition);
    server = await serveTestDb(t);
    const signIn = await mutation(server, "auth.signIn", { username: "zhangsan", password: TEST_DEMO_PASSWORD });
    const cookies = setCookies(signIn);
    csrf = cookies.get(CSRF_COOKIE)!.value;
    cookie = `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)!.value}; ${CSRF_COOKIE}=${csrf}`;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it("accepts an OFD package and refuses any other ZIP named .ofd", async () => {
    const id = await newDraft();
    const filesBefore = storedFiles().length;
    const impostors: [string, Uint8Array][] = [
      ["a .docx renamed", zip([{ name: "[Content_Types].xml", content: "<Types/>" }, { name: "word/document.xml", content: "<w:document/>", deflate: true }])],
      ["OFD.xml not at the root", zip([{ name: "Doc_0/OFD.xml", content: OFD_XML }])],
      ["OFD.xml without an ofd:OFD root", zip([{ name: "OFD.xml", content: '<?xml version="1.0"?><html><body>x</body></html>', deflate: true }])],
      ["a truncated package", ofdPackage().subarray(0, 60)],
      ["an empty ZIP", zip([])],
    ];
    for (const [what, bytes] of impostors) {
      const refused = await upload(id, "证明.ofd", bytes);
      expect({ what, status: refused.status }).toEqual({ what, status: 415 });
      expect(await message(refused)).toMatch(/OFD|不支持的文件类型/);
    }
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(0);
    expect(storedFiles().length).toBe(filesBefore);

    const stored = zip([{ name: "OFD.xml", content: OFD_XML }]);
    for (const bytes of [ofdPackage(), stored]) {
      const accepted = await upload(id, "证明.ofd", bytes);
      expect(accepted.status).toBe(201);
    }
    expect(await t.db.attachment.count({ where: { applicationId: id, mimeType: "application/ofd" } })).toBe(2);
  });

  it(`refuses the ${MAX_CASE_FILES + 1}st file of a case with 413 and a Chinese message`, async () => {
    const id = await newDraft();
    await fill(id, MAX_CASE_FILES - 1, 100);
    expect((await upload(id, "last.png", PNG_BYTES)).status).toBe(201);
    const filesBefore = storedFiles().length;
    const refused = await upload(id, "one-too-many.png", PNG_BYTES);
    expect(refused.status).toBe(413);
    expect(await message(refused)).toContain("每个办件最多上传 50 个文件、共 100 MB");
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(MAX_CASE_FILES);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it("refuses by the declared length before the body, when the case's bytes would pass 100 MB", async () => {
    const id = await newDraft();
    await fill(id, 10, MAX_CASE_BYTES / 10 - 4);
    // 40 bytes left: a 16-byte PNG fits, a 64-byte one does not.
    expect((await upload(id, "small.png", PNG_BYTES)).status).toBe(201);
    const big = new Uint8Array(64);
    big.set(PNG_BYTES);
    const refused = await upload(id, "big.png", big);
    expect(refused.status).toBe(413);
    expect(await message(refused)).toContain("已达上限");
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(11);
  });

  it("answers 413 from the declared length without waiting for a byte of the body", async () => {
    const id = await newDraft();
    await fill(id, 1, MAX_CASE_BYTES - 1024 * 1024);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${server.base}/api/files?applicationId=${id}&materialId=m1`, {
        method: "POST",
        headers: { cookie, [CSRF_HEADER]: csrf, origin: server.base, "content-length": String(5 * 1024 * 1024), "x-file-name": "scan.png" },
      });
      request.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
      request.flushHeaders(); // the headers only: the body never comes
      setTimeout(() => reject(new Error("no answer before the body")), 5000).unref();
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("已达上限");
  });

  it("checks the quota again in the write transaction (an upload that raced past the first check)", async () => {
    const id = await newDraft();
    const applicant = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const target = await checkUploadTarget(t.db, applicant!, { applicationId: id, materialId: "m1" }, PNG_BYTES.length);
    await fill(id, MAX_CASE_FILES, 10); // the others landed meanwhile
    const filesBefore = storedFiles().length;
    await expect(storeCheckedUpload(t.db, applicant!, target, "late.png", PNG_BYTES)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(MAX_CASE_FILES);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it("deleting a draft deletes its files from storage and their rows", async () => {
    const id = await newDraft();
    for (const name of ["a.png", "b.png"]) expect((await upload(id, name, PNG_BYTES)).status).toBe(201);
    const rows = await t.db.attachment.findMany({ where: { applicationId: id } });
    expect(rows).toHaveLength(2);
    const filesBefore = storedFiles();
    for (const row of rows) expect(filesBefore).toContain(path.join(dataDir, row.storageKey));

    expect(await call("applications.withdraw", { id })).toEqual({ deleted: true });
    expect(await t.db.application.count({ where: { id } })).toBe(0);
    expect(await t.db.attachment.count({ where: { id: { in: rows.map((r) => r.id) } } })).toBe(0);
    const filesAfter = storedFiles();
    for (const row of rows) expect(filesAfter).not.toContain(path.join(dataDir, row.storageKey));
    expect(filesAfter.length).toBe(filesBefore.length - 2);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "deleteDraft", entityId: id } });
    expect(event.payload).toMatchObject({ attachments: 2 });
  });
});
