/**
 * Storing an uploaded material: the applicant's own editable case, a material of its
 * pinned version, an allowed type recognised by content (an OFD must be an OFD package),
 * at most 10 MB, and the case within its quota (50 files, 100 MB). Nothing is recorded
 * unless the file was stored, and nothing is stored for a refused upload.
 */
import "server-only";
import { dbKind, type Db, type Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError } from "@/runtime/errors";
import { getStorage, newStorageKey, StorageNotFoundError } from "@/runtime/storage";
import { recordAccess, writeWithPrisma } from "@/runtime/write";
import { applicantCase, officeCase } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import {
  ALLOWED_TYPES_TEXT,
  CASE_QUOTA_TEXT,
  MAX_CASE_BYTES,
  MAX_CASE_FILES,
  MAX_UPLOAD_BYTES,
  cleanFileName,
  sniffFileType,
} from "@/runtime/forms/fileTypes";
import { isOfdPackage } from "./ofdPackage";

export interface UploadTarget {
  applicationId: string;
  materialId: string;
}

export interface UploadInput extends UploadTarget {
  fileName: string;
  bytes: Uint8Array;
}

/** Refuses a file that would take the case past its quota of files or bytes. */
async function checkCaseQuota(db: Db | Tx, applicationId: string, incomingBytes: number) {
  const used = await db.attachment.aggregate({ where: { applicationId }, _count: { _all: true }, _sum: { size: true } });
  const files = used._count._all;
  const bytes = used._sum.size ?? 0;
  if (files + 1 > MAX_CASE_FILES || bytes + incomingBytes > MAX_CASE_BYTES) {
    const usedMb = (bytes / 1024 / 1024).toFixed(1);
    throw new AppError("PAYLOAD_TOO_LARGE", `本办件的材料已达上限（${CASE_QUOTA_TEXT}，已上传 ${files} 个、${usedMb} MB），请删除不需要的文件后再上传`);
  }
}

/**
 * Where an upload may go, checked before its body is read: the applicant's own editable case,
 * a material of its version, and room in the case's quota for the declared size.
 */
export async function checkUploadTarget(db: Db, user: SessionUser, target: UploadTarget, declaredBytes = 0) {
  if (user.kind === "staff") throw new AppError("FORBIDDEN", "工作人员账号不能上传申请材料");
  const application = await applicantCase(db, user, target.applicationId);
  if (application.status !== "draft" && application.status !== "waiting_applicant") {
    throw new AppError("PRECONDITION_FAILED", "办件已提交，不能再上传材料");
  }
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const material = definition.materials.find((m) => m.id === target.materialId);
  if (!material) throw new AppError("BAD_REQUEST", "本事项没有这项材料");
  await checkCaseQuota(db, application.id, declaredBytes);
  return { application: { id: application.id, officeId: application.officeId }, material: { id: material.id, name: material.name } };
}

export type CheckedTarget = Awaited<ReturnType<typeof checkUploadTarget>>;

export async function storeUpload(db: Db, user: SessionUser, input: UploadInput) {
  const target = await checkUploadTarget(db, user, input);
  return storeCheckedUpload(db, user, target, input.fileName, input.bytes);
}

/** Stores the file, then records it through the write path (the case is checked again in the transaction). */
export async function storeCheckedUpload(db: Db, user: SessionUser, target: CheckedTarget, rawFileName: string, bytes: Uint8Array) {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "文件为空，请重新选择");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件超过 10 MB，请压缩后再上传");
  const fileName = cleanFileName(rawFileName);
  const type = sniffFileType(fileName, bytes.subarray(0, 16));
  if (type?.mime === "application/ofd" && !isOfdPackage(bytes)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "OFD 文件无效：不是符合 GB/T 33190 的 OFD 文档（缺少 OFD.xml），请重新导出后上传");
  }
  if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `不支持的文件类型，请上传 ${ALLOWED_TYPES_TEXT} 格式的文件`);
  const storage = getStorage();
  const storageKey = newStorageKey("attachments", type.extensions[0]);
  const stored = await storage.put(storageKey, bytes, { maxBytes: MAX_UPLOAD_BYTES });
  const { application, material } = target;
  const kind = dbKind(db);
  try {
    return await writeWithPrisma(db, user, async ({ tx, audit }) => {
      // Concurrent uploads to one case take turns here (PostgreSQL: the case row is locked; SQLite writes one at a time).
      if (kind === "postgres") await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${application.id} FOR UPDATE`;
      const current = await applicantCase(tx, user, application.id);
      if (current.status !== "draft" && current.status !== "waiting_applicant") throw new AppError("PRECONDITION_FAILED", "办件已提交，不能再上传材料");
      await checkCaseQuota(tx, application.id, stored.size);
      const attachment = await tx.attachment.create({
        data: {
          applicationId: application.id,
          materialId: material.id,
          uploaderId: user.id,
          fileName,
          mimeType: type.mime,
          size: stored.size,
          sha256: stored.sha256,
          storageKey,
        },
        select: { id: true, materialId: true, fileName: true, size: true, mimeType: true, createdAt: true },
      });
      audit.record({
        action: "attach",
        actorRole: "applicant",
        organisationId: application.officeId,
        applicationId: application.id,
        entityType: "attachment",
        entityId: attachment.id,
        payload: { materialId: material.id, materialName: material.name, fileName, size: stored.size },
      });
      return attachment;
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}

/** An attachment for download: the applicant who owns the case, or the handling office's staff. */
export async function openAttachment(db: Db, user: SessionUser, attachmentId: string) {
  const attachment = await db.attachment.findUnique({ where: { id: attachmentId } });
  if (!attachment?.applicationId) throw new AppError("NOT_FOUND", "材料不存在或您无权查看");
  const owner = user.kind === "staff" ? await officeCase(db, user, attachment.applicationId) : await applicantCase(db, user, attachment.applicationId);
  let stream: Awaited<ReturnType<ReturnType<typeof getStorage>["get"]>>;
  try {
    stream = await getStorage().get(attachment.storageKey);
  } catch (error) {
    // The row without its file (a store another instance cannot see, a file lost): not found, never a 500.
    if (error instanceof StorageNotFoundError) throw new AppError("NOT_FOUND", "材料文件不存在，请联系办理机构");
    throw error;
  }
  await recordAccess(db, user, {
    action: "download",
    entityType: "attachment",
    entityId: attachment.id,
    applicationId: attachment.applicationId,
    organisationId: owner.officeId,
    payload: { materialId: attachment.materialId, fileName: attachment.fileName },
  });
  return { attachment, stream };
}
