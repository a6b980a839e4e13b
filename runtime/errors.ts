/**
 * Errors that reach a person: a code the transport maps to a status, and a clear
 * Chinese message. Anything else is reported as a generic failure, never a stack trace.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "SERVICE_UNAVAILABLE";

/** Why a CONFLICT happened, for callers that react to one kind (never match on message text). */
export type ConflictReason = "stale" | "claimed" | "duplicate";

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly reason?: ConflictReason,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what}不存在或您无权查看`);
export const forbidden = (message = "您没有执行此操作的权限") => new AppError("FORBIDDEN", message);
export const conflict = (message: string, reason?: ConflictReason) => new AppError("CONFLICT", message, [], reason);
export const STALE_CASE_MESSAGE = "办件已被他人更新，请刷新后重试";
/** A change based on a case that changed meanwhile. */
export const staleCase = () => conflict(STALE_CASE_MESSAGE, "stale");
export const isStaleConflict = (error: unknown) => error instanceof AppError && error.code === "CONFLICT" && error.reason === "stale";
