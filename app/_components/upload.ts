/** Uploading a material's file to `POST /api/files` (raw body, CSRF header), with the same limits as the server. */
import { CSRF_HEADER, csrfFromDocumentCookie } from "@/runtime/auth/cookies";
import { ALLOWED_TYPES, ALLOWED_TYPES_TEXT, MAX_UPLOAD_BYTES } from "@/runtime/forms/fileTypes";

const extensionsOf = (type: (typeof ALLOWED_TYPES)[number]) => type.extensions.map((ext) => `.${ext}`);
export const ACCEPTED_EXTENSIONS = ALLOWED_TYPES.flatMap(extensionsOf);
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_EXTENSIONS, ...ALLOWED_TYPES.map((t) => t.mime)].join(",");
const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
export const UPLOAD_LIMITS_TEXT = `支持 ${ALLOWED_TYPES_TEXT} 格式，单个文件不超过 ${MAX_UPLOAD_MB} MB`;

export interface UploadedAttachment {
  id: string;
  materialId: string;
  fileName: string;
  size: number;
  mimeType: string;
  createdAt: string;
}

/** Why a file cannot be uploaded (checked again by the server), or null. */
export function uploadProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return `“${file.name}”的格式不支持，请上传 ${ALLOWED_TYPES_TEXT} 格式的文件`;
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`;
  if (file.size > MAX_UPLOAD_BYTES) return `“${file.name}”超过 ${MAX_UPLOAD_MB} MB，请压缩后再上传`;
  return null;
}

function mimeOf(file: File): string {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  return ALLOWED_TYPES.find((type) => extensionsOf(type).some((ext) => name.endsWith(ext)))?.mime ?? "application/octet-stream";
}

export async function uploadMaterial(applicationId: string, materialId: string, file: File): Promise<UploadedAttachment> {
  const token = csrfFromDocumentCookie(document.cookie) ?? "";
  let response: Response;
  try {
    response = await fetch(`/api/files?applicationId=${encodeURIComponent(applicationId)}&materialId=${encodeURIComponent(materialId)}`, {
      method: "POST",
      body: file,
      headers: { "content-type": mimeOf(file), "x-file-name": encodeURIComponent(file.name), [CSRF_HEADER]: token },
    });
  } catch {
    throw new Error("网络异常，上传失败，请稍后重试");
  }
  let body: { attachment?: UploadedAttachment; error?: { message?: string } } = {};
  try {
    body = await response.json();
  } catch {
    body = {};
  }
  if (!response.ok || !body.attachment) {
    const message = body.error?.message;
    if (message && /[\u4e00-\u9fff]/.test(message)) throw new Error(message);
    if (response.status === 413) throw new Error(`文件超过 ${MAX_UPLOAD_MB} MB，请压缩后再上传`);
    if (response.status === 415) throw new Error("文件格式不支持，请上传 PDF、JPG、PNG 或 OFD 文件");
    throw new Error("上传失败，请稍后重试");
  }
  return body.attachment;
}
