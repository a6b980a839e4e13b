/**
 * The production server: tRPC's node:http adapter at /api/trpc, uploads at /api/files,
 * everything else to Next's request handler (the public catalogue pages, as anonymous
 * visitors see them, through a short-lived cache: runtime/features/catalogue/pageCache.ts).
 * Applies migrations and seeds the database on first start.
 */
// First: .env as Next reads it, before any module reads process.env.
import "./runtime/loadEnv";
import http from "node:http";
import next from "next";
import { createTrpcNodeHandler, TRPC_BASE_PATH } from "./runtime/trpc/nodeHandler";
import { prepareDatabase } from "./seed/prepare";
import { FILES_PATH, handleFiles } from "./runtime/features/applications/filesHttp";
import { startTimerLoop } from "./runtime/features/cases/timers";
import { getDb } from "./runtime/db";
import { cachePublicPages } from "./runtime/features/catalogue/pageCache";
import { isProduction, refuseAccountsWithPublishedPasswords, StartRefused } from "./seed/demoPassword";
import { securityHeaders } from "./runtime/http/securityHeaders";
import { answerClientError } from "./runtime/http/clientError";
import { secureCookies } from "./runtime/auth/cookies";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  await prepareDatabase({ log: (line) => console.log(line) });
  if (isProduction()) await refuseAccountsWithPublishedPasswords(getDb());
  const app = next({ dev, hostname, port, dir: import.meta.dirname });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handleNext = dev ? nextHandler : cachePublicPages((req, res) => nextHandler(req, res));
  const handleTrpc = createTrpcNodeHandler();
  const headerOptions = { dev, secure: secureCookies() };
  const server = http.createServer((req, res) => {
    for (const [name, value] of securityHeaders(req.url ?? "/", headerOptions)) res.setHeader(name, value);
    if (req.url?.startsWith(TRPC_BASE_PATH)) {
      handleTrpc(req, res);
      return;
    }
    if (req.url?.startsWith(FILES_PATH)) {
      void handleFiles(req, res);
      return;
    }
    handleNext(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("服务器内部错误");
      }
    });
  });
  server.on("clientError", answerClientError);
  server.keepAliveTimeout = 65_000;
  const stopTimers = startTimerLoop(getDb());
  server.listen(port, hostname, () => {
    console.log(`服务已启动: http://localhost:${port}`);
  });
  const stop = () => {
    stopTimers();
    server.close(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartRefused) console.error(error.message);
  else console.error("启动失败：", error);
  process.exit(1);
});
