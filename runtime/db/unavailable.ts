/**
 * Whether an error means the database cannot be reached right now (server down, restarting,
 * connection lost, SQLite file locked for too long), as opposed to a bug or bad data: such
 * requests are answered 503 with a Chinese message, and succeed again once it is back.
 */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection failures
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  // Prisma: can't reach the server, timed out, connection closed
  "P1001",
  "P1002",
  "P1017",
  // SQLite: the file stayed locked past the busy timeout
  "SQLITE_BUSY",
]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "DatabaseDoesNotExist", "TooManyConnections"]);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as { code?: unknown; kind?: unknown; cause?: unknown; driverAdapterError?: unknown; meta?: unknown; message?: unknown };
  if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.kind === "string" && UNREACHABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Can't reach database server/.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.driverAdapterError, depth + 1) || isDatabaseUnavailable(e.meta, depth + 1);
}

export const DATABASE_UNAVAILABLE_MESSAGE = "数据库暂时无法访问，请稍后重试";

export const DISK_FULL_MESSAGE = "数据库所在的磁盘空间已满，本次操作没有保存，请联系系统管理员";
export const READ_ONLY_MESSAGE = "数据库当前只能读取、不能写入，本次操作没有保存，请联系系统管理员";

/** SQLite: disk full (or the file's size limit); PostgreSQL: disk_full, out of memory. */
const DISK_FULL_CODES = new Set(["SQLITE_FULL", "53100", "53200"]);
/** SQLite: the file or its folder cannot be written; PostgreSQL: read-only transaction (a standby). */
const READ_ONLY_CODES = new Set(["SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_CANTOPEN", "25006"]);

function hasCode(error: unknown, codes: Set<string>, pattern: RegExp, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; driverAdapterError?: unknown; meta?: unknown; originalCode?: unknown };
  if (typeof e.code === "string" && codes.has(e.code)) return true;
  if (typeof e.originalCode === "string" && codes.has(e.originalCode)) return true;
  if (typeof e.message === "string" && pattern.test(e.message)) return true;
  return hasCode(e.cause, codes, pattern, depth + 1) || hasCode(e.driverAdapterError, codes, pattern, depth + 1) || hasCode(e.meta, codes, pattern, depth + 1);
}

/**
 * The Chinese message for a request the database could not serve through no fault of the request
 * (unreachable, locked too long, disk full, read-only): answered 503, nothing half-written (the
 * transaction rolled back). Null for anything else (a bug or bad data).
 */
export function databaseTroubleMessage(error: unknown): string | null {
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE_MESSAGE;
  if (hasCode(error, DISK_FULL_CODES, /database or disk is full|No space left on device|could not extend file/)) return DISK_FULL_MESSAGE;
  if (hasCode(error, READ_ONLY_CODES, /attempt to write a readonly database|read-only transaction/)) return READ_ONLY_MESSAGE;
  return null;
}
