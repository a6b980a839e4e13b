/**
 * /api/files over node:http (binary bodies do not belong in tRPC): POST uploads a
 * material, GET /api/files/<id> downloads one. Same session, CSRF and origin rules as tRPC.
 */
import "server-only";
import { errorLog, log } from "@/runtime/ops/log";
import type { IncomingMessage, ServerResponse } from "node:http";
import { databaseTroubleMessage, getDb } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { sameToken } from "@/runtime/auth/tokens";
import { originHost } from "@/runtime/auth/origin";
import { createContext } from "@/runtime/trpc/context";
import { clientIp } from "@/runtime/trpc/nodeHandler";
import { MAX_UPLOAD_BYTES } from "@/runtime/forms/fileTypes";
import { checkUploadTarget, openAttachment, storeCheckedUpload } from "./uploads";

export const FILES_PATH = "/api/files";

const statusOf: Record<AppError["code"], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: unknown) {
  if (error instanceof AppError) {
    sendJson(res, statusOf[error.code], { error: { message: error.message } });
    return;
  }
  const trouble = databaseTroubleMessage(error);
  if (trouble) {
    sendJson(res, 503, { error: { message: trouble } });
    return;
  }
  log.error(errorLog(error), "文件请求失败");
  sendJson(res, 500, { error: { message: "服务器内部错误，请稍后重试" } });
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件超过 10 MB，请压缩后再上传");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件超过 10 MB，请压缩后再上传");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function handleFiles(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const ctx = await createContext({ headers: req.headers, ip: clientIp(req) }, (c) => res.appendHeader("Set-Cookie", c), getDb());
    if (!ctx.user || !ctx.session) throw new AppError("UNAUTHORIZED", "请先登录");
    if (req.method === "POST" && url.pathname === FILES_PATH) {
      if (ctx.origin && ctx.host && originHost(ctx.origin) !== ctx.host) throw new AppError("FORBIDDEN", "跨站请求已被拒绝");
      if (!ctx.presentedCsrf || !sameToken(ctx.presentedCsrf, ctx.session.csrfToken)) {
        throw new AppError("FORBIDDEN", "请求校验失败，请刷新页面后重试");
      }
      const rawName = String(req.headers["x-file-name"] ?? "");
      let fileName = rawName;
      try {
        fileName = decodeURIComponent(rawName);
      } catch {
        /* keep as sent */
      }
      // Session, case, role, material and the case's quota (by the declared length) are checked before a byte of the body is read.
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "文件超过 10 MB，请压缩后再上传");
      const target = await checkUploadTarget(
        ctx.db,
        ctx.user,
        { applicationId: url.searchParams.get("applicationId") ?? "", materialId: url.searchParams.get("materialId") ?? "" },
        Number.isFinite(declared) && declared > 0 ? declared : 0,
      );
      const attachment = await storeCheckedUpload(ctx.db, ctx.user, target, fileName, await readBody(req));
      sendJson(res, 201, { attachment });
      return;
    }
    const match = /^\/api\/files\/([\w.-]{1,64})$/.exec(url.pathname);
    if (req.method === "GET" && match) {
      const { attachment, stream } = await openAttachment(ctx.db, ctx.user, match[1]);
      res.statusCode = 200;
      res.setHeader("content-type", attachment.mimeType);
      res.setHeader("content-length", String(attachment.size));
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("cache-control", "private, no-store");
      res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
      stream.pipe(res);
      return;
    }
    sendJson(res, 405, { error: { message: "不支持的请求" } });
  } catch (error) {
    if (!res.headersSent) sendError(res, error);
    else res.destroy();
  }
}
