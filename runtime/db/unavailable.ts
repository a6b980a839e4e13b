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
