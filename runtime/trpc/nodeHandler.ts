/**
 * tRPC over node:http (the standalone adapter): the production serving path, mounted by
 * the custom server at /api/trpc. Measured faster than the App Router route handler.
 */
import "server-only";
import { errorLog, log } from "@/runtime/ops/log";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "./appRouter";
import { createContext } from "./context";
import { contextError } from "./init";
import { handleSingleCall, singleMutationPath } from "./singleCall";
import type { TRPCError } from "@trpc/server";
import type { Db } from "@/runtime/db";
import { clientIp } from "@/runtime/http/clientAddress";

export const TRPC_BASE_PATH = "/api/trpc/";

export { clientIp };

const MAX_BODY_SIZE = 2 * 1024 * 1024;
/** At most this many calls in one batch request (the browser's batch link sends no more). */
export const MAX_BATCH_SIZE = 10;

/** Whether a request is a tRPC batch, read as tRPC's adapter reads it. */
function isBatch(req: IncomingMessage): boolean {
  const query = req.url?.indexOf("?") ?? -1;
  return query >= 0 && new URLSearchParams(req.url!.slice(query + 1)).get("batch") === "1";
}
/** Answers carry personal data: never stored by a browser or proxy cache, never type-sniffed. */
const TRPC_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

/** Clients get a generic Chinese message (see init.ts); the cause is kept in the server log. */
function logError({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") log.error({ ...errorLog(error.cause ?? error), procedure: path ?? "?" }, "tRPC 调用失败");
}

function contextFor(db?: Db) {
  return (req: IncomingMessage, res: ServerResponse) =>
    createContext({ headers: req.headers, ip: clientIp(req), batched: isBatch(req) }, (cookie) => res.appendHeader("Set-Cookie", cookie), db).catch((error: unknown) => {
      throw contextError(error);
    });
}

export interface TrpcNodeHandlerOptions {
  /** The database (default: the process-wide one). */
  db?: Db;
  /** Serve single mutations through the lean path (default true; tests compare both). */
  singleCalls?: boolean;
}

/**
 * tRPC at /api/trpc: a single mutation through the lean single-call path (runtime/trpc/singleCall.ts),
 * everything else (batches, queries) through tRPC's standalone adapter.
 */
export function createTrpcNodeHandler(options: TrpcNodeHandlerOptions = {}) {
  const contextOf = contextFor(options.db);
  const standalone = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    maxBodySize: MAX_BODY_SIZE,
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta: () => ({ headers: TRPC_HEADERS }),
    onError: logError,
    createContext: ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => contextOf(req, res),
  });
  const single = { router: appRouter, basePath: TRPC_BASE_PATH, maxBodySize: MAX_BODY_SIZE, createContext: contextOf, onError: logError, headers: TRPC_HEADERS };
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = options.singleCalls === false ? null : singleMutationPath(req, single);
    if (path) void handleSingleCall(req, res, path, single);
    else standalone(req, res);
  };
}
