/**
 * tRPC building blocks. Every mutation follows one path:
 * validate input (zod) → authorise (role and organisation) → act in a transaction →
 * write an audit event (see `audited`). Errors reach the client as Chinese messages.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";
import "../zod";
import { AppError, type FieldError } from "../errors";
import { hasRole, type StaffRole, type SessionUser } from "../auth/roles";
import { sameToken } from "../auth/tokens";
import type { Context } from "./context";
import { databaseTroubleMessage } from "../db/unavailable";
import { inputFieldLabel } from "../definition/labels";
import type { AuditAction } from "../write/auditActions";

const codeMap: Record<AppError["code"], TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const genericMessages: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  UNAUTHORIZED: "请先登录",
  FORBIDDEN: "您没有执行此操作的权限",
  NOT_FOUND: "请求的内容不存在",
  INTERNAL_SERVER_ERROR: "服务器内部错误，请稍后重试",
  PARSE_ERROR: "请求格式不正确",
  METHOD_NOT_SUPPORTED: "不支持的请求方式",
  PAYLOAD_TOO_LARGE: "提交的内容过大",
};

function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** One line per zod issue, naming the field by its Chinese label (never its key); the same line once. */
export function zodMessage(error: ZodError): string {
  const lines = error.issues.map((issue) => {
    const label = inputFieldLabel(issue.path);
    return label && !issue.message.startsWith(label) ? `${label}：${issue.message}` : issue.message;
  });
  return `输入有误：${[...new Set(lines)].join("；")}`;
}

/** What a procedure declares of itself: a mutation names the audit action(s) it records. */
export interface ProcedureMeta {
  audit?: readonly AuditAction[];
  /** Refused inside a batch request (sign-in: one password check per request). */
  unbatched?: boolean;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let message = error.message;
    let fieldErrors: FieldError[] = [];
    if (cause instanceof AppError) {
      message = cause.message;
      fieldErrors = cause.fieldErrors;
    } else if (cause instanceof ZodError) {
      fieldErrors = zodFieldErrors(cause);
      message = zodMessage(cause);
    } else if (error.code === "INTERNAL_SERVER_ERROR" || !/[\u4e00-\u9fff]/.test(message)) {
      message = genericMessages[error.code] ?? "请求失败，请稍后重试";
    }
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

/** A context that could not be built (the database is down) as the tRPC error the client should see. */
export function contextError(error: unknown): unknown {
  if (error instanceof AppError) return new TRPCError({ code: codeMap[error.code], message: error.message, cause: error });
  return error;
}

/**
 * Cross-site request protection for mutations: the Origin (when the browser sends one)
 * must be this host, and a cookie-authenticated call must echo the session's CSRF token.
 */
function checkCsrf(ctx: Context) {
  if (ctx.origin && ctx.host) {
    let originHost: string | undefined;
    try {
      originHost = new URL(ctx.origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== ctx.host) {
      throw new TRPCError({ code: "FORBIDDEN", message: "跨站请求已被拒绝" });
    }
  }
  if (ctx.session && !(ctx.presentedCsrf && sameToken(ctx.presentedCsrf, ctx.session.csrfToken))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "请求校验失败，请刷新页面后重试" });
  }
}

type CallOptions = { ctx: Context; type: "query" | "mutation" | "subscription"; meta: ProcedureMeta | undefined };

/** A procedure marked `unbatched` answers only a request of its own; a mutation passes the CSRF check. */
function checkCall({ ctx, type, meta }: CallOptions) {
  if (meta?.unbatched && ctx.batched) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "此操作不能与其他请求合并发送，请单独提交" });
  }
  if (type === "mutation") checkCsrf(ctx);
}

/** AppErrors thrown by services become tRPC errors with the right status; a database that cannot be reached is a 503. */
function answerOf<R extends { ok: boolean; error?: TRPCError }>(result: R): R {
  if (result.ok || !result.error) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: codeMap[cause.code], message: cause.message, cause });
  const trouble = databaseTroubleMessage(cause);
  if (trouble) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: trouble, cause });
  return result;
}

/**
 * Each procedure has ONE guard middleware (each tRPC middleware level copies the call's options,
 * a cost on the hot path): the call's checks (`checkCall`), then, for signed-in procedures, the
 * user and what `admit` asks of them, then the errors' answers (`answerOf`).
 */
const guard = t.middleware(async (options) => {
  checkCall(options);
  return answerOf(await options.next());
});

/** Procedures for a signed-in user that `admit` lets through (it throws a FORBIDDEN otherwise); `ctx.user` is set. */
export function userProcedure(admit: (user: SessionUser) => void) {
  return t.procedure.use(
    t.middleware(async (options) => {
      checkCall(options);
      const user = options.ctx.user;
      if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录" });
      admit(user);
      return answerOf(await options.next({ ctx: { user } }));
    }),
  );
}

const forbidden = (message = "您没有执行此操作的权限") => new TRPCError({ code: "FORBIDDEN", message });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(guard);

export const authedProcedure = userProcedure(() => {});

/** Staff holding one of `roles` (in any organisation; services check the organisation of the object). */
export function staffProcedure(roles: readonly StaffRole[]) {
  return userProcedure((user) => {
    if (user.kind !== "staff" || !hasRole(user, roles)) throw forbidden();
  });
}

/** Applicants (people or organisations). */
export const applicantProcedure = userProcedure((user) => {
  if (user.kind === "staff") throw forbidden("工作人员账号不能以申请人身份办理");
});
