/**
 * `/healthz`: the process is alive (always 200). `/readyz`: this instance can serve — its start-up
 * (migrations, seeding) is done and the database answers now; 503 with the reason otherwise, so a
 * load balancer sends no traffic to it.
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@/runtime/db";

export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";

export function isHealthPath(url: string | undefined): boolean {
  const path = url?.split("?")[0];
  return path === HEALTH_PATH || path === READY_PATH;
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

async function databaseAnswers(db: Db, timeoutMs: number): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return null;
  } catch (error) {
    return (error as Error).message.split("\n").filter(Boolean).at(-1) ?? "unreachable";
  } finally {
    clearTimeout(timer);
  }
}

export function createHealthHandler(options: { db: () => Db; started: () => boolean; timeoutMs?: number }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url?.split("?")[0] === HEALTH_PATH) return send(res, 200, { status: "ok" });
    if (!options.started()) return send(res, 503, { status: "starting", message: "正在启动（迁移与初始化数据）" });
    const problem = await databaseAnswers(options.db(), options.timeoutMs ?? 2_000);
    if (problem) return send(res, 503, { status: "unavailable", message: "数据库暂时无法访问", detail: problem });
    send(res, 200, { status: "ready" });
  };
}
