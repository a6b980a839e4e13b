/**
 * tRPC over node:http (the standalone adapter): the production serving path, mounted by
 * the custom server at /api/trpc. Measured faster than the App Router route handler.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "./appRouter";
import { createContext } from "./context";

export const TRPC_BASE_PATH = "/api/trpc/";

export function clientIp(req: IncomingMessage): string {
  const forwarded = process.env.TRUST_PROXY === "1" ? req.headers["x-forwarded-for"] : undefined;
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0];
  return (first ?? req.socket.remoteAddress ?? "unknown").trim();
}

export function createTrpcNodeHandler() {
  return createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    maxBodySize: 2 * 1024 * 1024,
    // Answers carry personal data: never stored by a browser or proxy cache, never type-sniffed.
    responseMeta: () => ({ headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } }),
    onError: ({ error, path }) => {
      // Clients get a generic Chinese message (see init.ts); the cause is kept in the server log.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} 失败：`, error.cause ?? error);
    },
    createContext: ({ req, res }: { req: IncomingMessage; res: ServerResponse }) =>
      createContext({ headers: req.headers, ip: clientIp(req) }, (cookie) => res.appendHeader("Set-Cookie", cookie)),
  });
}
