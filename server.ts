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
import { startNotificationLoop } from "./runtime/notify/sender";
import { removeOrphanUploads } from "./runtime/features/applications/orphanFiles";
import { closeDb, getDb, isDatabaseUnavailable } from "./runtime/db";
import { createHealthHandler, isHealthPath } from "./runtime/http/health";
import { cachePublicPages, markSharedPage } from "./runtime/features/catalogue/pageCache";
import { isProduction, refuseAccountsWithPublishedPasswords, StartRefused } from "./seed/demoPassword";
import { securityHeaders } from "./runtime/http/securityHeaders";
import { answerClientError } from "./runtime/http/clientError";
import { secureCookies } from "./runtime/auth/cookies";
import { OIDC_PATH, handleOidc } from "./runtime/features/accounts/oidcHttp";
import { errorLog, exitAfterLogs, log } from "./runtime/ops/log";
import { logRequests } from "./runtime/http/requestLog";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  let ready = false;
  let stopping = false;
  const health = createHealthHandler({ db: getDb, started: () => ready && !stopping });
  let handle: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.setHeader("retry-after", "5");
    res.end("服务正在启动，请稍候");
  };
  // Listening from the first moment: /healthz answers at once, /readyz once start-up is done.
  const served = logRequests((req, res) => handle(req, res));
  const server = http.createServer((req, res) => {
    if (isHealthPath(req.url)) {
      void health(req, res);
      return;
    }
    served(req, res);
  });
  server.on("clientError", answerClientError);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, () => resolve()));

  // A database that cannot be reached yet (PostgreSQL still starting): wait and retry, not ready meanwhile.
  for (let attempt = 1; ; attempt++) {
    try {
      await prepareDatabase({ log: (line) => log.info(line) });
      break;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const seconds = Math.min(30, 2 ** attempt);
      log.warn(`数据库暂时无法连接（${(error as Error).message.split("\n")[0]}），${seconds} 秒后重试（第 ${attempt} 次）…`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
  if (isProduction()) await refuseAccountsWithPublishedPasswords(getDb());
  const app = next({ dev, hostname, port, dir: import.meta.dirname });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handleNext = dev ? nextHandler : cachePublicPages((req, res) => nextHandler(req, res));
  const handleTrpc = createTrpcNodeHandler();
  const headerOptions = { dev, secure: secureCookies() };
  handle = (req, res) => {
    for (const [name, value] of securityHeaders(req.url ?? "/", headerOptions)) res.setHeader(name, value);
    if (req.url?.startsWith(TRPC_BASE_PATH)) {
      handleTrpc(req, res);
      return;
    }
    if (req.url?.startsWith(FILES_PATH)) {
      void handleFiles(req, res);
      return;
    }
    if (req.url?.startsWith(OIDC_PATH)) {
      void handleOidc(req, res);
      return;
    }
    markSharedPage(req);
    handleNext(req, res).catch((error: unknown) => {
      log.error(errorLog(error), "页面请求失败");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("服务器内部错误");
      }
    });
  };
  const stopTimers = startTimerLoop(getDb());
  // E-mail and SMS of the outbox (消息), with retries; one instance sends (the `notifications` lease).
  const stopNotifications = startNotificationLoop(getDb());
  // Files an interrupted upload left without their row (a crash between the file and its commit).
  void removeOrphanUploads(getDb())
    .then(({ removed }) => removed > 0 && log.info(`已清理 ${removed} 个没有记录的上传文件`))
    .catch((error: unknown) => log.error(errorLog(error), "清理上传文件失败"));
  ready = true;
  log.info({ port }, `服务已启动: http://localhost:${port}`);

  // Graceful stop: not ready any more, no new connections, in-flight requests finish, then exit.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopTimers();
    stopNotifications();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    log.info("正在停止：等待进行中的请求完成");
    server.close(() => {
      void closeDb().finally(() => exitAfterLogs(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartRefused) log.fatal(error.message);
  else log.fatal(errorLog(error), "启动失败");
  exitAfterLogs(1);
});
