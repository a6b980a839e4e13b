/** Uploading a material's file to `POST /api/files` (raw body, CSRF header), with the same limits as the server. */
import { CSRF_HEADER, csrfFromDocumentCookie } from "@/runtime/auth/cookies";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".pdf", ".jpg", ".jpeg", ".png", ".ofd"];
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png,application/ofd";
export const UPLOAD_LIMITS_TEXT = "支持 PDF、JPG、PNG、OFD 格式，单个文件不超过 10 MB";

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
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return `“${file.name}”的格式不支持，请上传 PDF、JPG、PNG 或 OFD 文件`;
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`;
  if (file.size > MAX_UPLOAD_BYTES) return `“${file.name}”超过 10 MB，请压缩后再上传`;
  return null;
}

function mimeOf(file: File): string {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  if (name.endsWith(".pdf")) return "application/pdf";
  if (name.endsWith(".png")) return "image/png";
  if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
  if (name.endsWith(".ofd")) return "application/ofd";
  return "application/octet-stream";
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
    if (response.status === 413) throw new Error("文件超过 10 MB，请压缩后再上传");
    if (response.status === 415) throw new Error("文件格式不支持，请上传 PDF、JPG、PNG 或 OFD 文件");
    throw new Error("上传失败，请稍后重试");
  }
  return body.attachment;
}
