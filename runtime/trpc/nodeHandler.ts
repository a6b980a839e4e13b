/**
 * tRPC over node:http (the standalone adapter): the production serving path, mounted by
 * the custom server at /api/trpc. Measured faster than the App Router route handler.
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "./appRouter";
import { createContext } from "./context";
import { contextError } from "./init";
import { handleSingleCall, singleMutationPath } from "./singleCall";
import type { TRPCError } from "@trpc/server";
import type { Db } from "@/runtime/db";

export const TRPC_BASE_PATH = "/api/trpc/";

export function clientIp(req: IncomingMessage): string {
  const forwarded = process.env.TRUST_PROXY === "1" ? req.headers["x-forwarded-for"] : undefined;
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0];
  return (first ?? req.socket.remoteAddress ?? "unknown").trim();
}

const MAX_BODY_SIZE = 2 * 1024 * 1024;
/** Answers carry personal data: never stored by a browser or proxy cache, never type-sniffed. */
const TRPC_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

/** Clients get a generic Chinese message (see init.ts); the cause is kept in the server log. */
function logError({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} 失败：`, error.cause ?? error);
}

function contextFor(db?: Db) {
  return (req: IncomingMessage, res: ServerResponse) =>
    createContext({ headers: req.headers, ip: clientIp(req) }, (cookie) => res.appendHeader("Set-Cookie", cookie), db).catch((error: unknown) => {
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
