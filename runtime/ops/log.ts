/**
 * Structured JSON logs (pino): one line per event, with the request's id and the signed-in
 * user's id when it happens during a request, and no personal data (ID numbers and phones
 * masked, secrets removed: runtime/ops/mask.ts). `LOG_LEVEL` sets the level (default info).
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { maskPersonal, maskValue } from "./mask";

export interface RequestContext {
  requestId: string;
  userId?: string;
}

/** The request being served (set by server.ts around each request; the user id once the session is known). */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Remember the signed-in user for the rest of the request's log lines. */
export function noteRequestUser(userId: string | undefined): void {
  const context = requestContext.getStore();
  if (context && userId) context.userId = userId;
}

function errorFields(error: Error): Record<string, unknown> {
  const fields = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return {
    ...fields,
    message: maskPersonal(String(fields.message ?? "")),
    stack: typeof fields.stack === "string" ? maskPersonal(fields.stack) : undefined,
  };
}

export function createLogger(destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false })) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) } : {};
      },
      serializers: { err: errorFields, error: errorFields },
      hooks: {
        // Every argument masked: messages, objects, interpolated values.
        logMethod(args, method) {
          const masked = args.map((arg: unknown) =>
            typeof arg === "string" ? maskPersonal(arg) : arg instanceof Error ? arg : maskValue(arg),
          ) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}

export const log = createLogger();

/** An error as one log line's fields: `log.error(errorLog(error), "…")`. */
export function errorLog(error: unknown): { err: Error } {
  return { err: error instanceof Error ? error : new Error(String(error)) };
}

/** Exit once the buffered log lines are written (the destination writes asynchronously). */
export function exitAfterLogs(code: number): void {
  const fallback = setTimeout(() => process.exit(code), 2000);
  fallback.unref();
  log.flush(() => process.exit(code));
}
