/**
 * Submissions per second through the product's tRPC endpoint, served as in production
 * (the custom server: tRPC's node:http adapter beside Next, SQLite), under autocannon with
 * 50 connections — side by side, in the same run, with the floor: a bare node:http server
 * doing only JSON parse + ajv + one SQLite transaction for the same ~2 KB submission.
 */
import { fork } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { createDb } from "@/runtime/db";
import { publishService } from "@/tests/support/fixtures";
import { figure, type Figure } from "./figure";
import { BENCH_DEMO_PASSWORD, startProductServer, stopProcess } from "./productServer";
import { benchDefinition, submissionBody } from "./submissionFixture";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
  detail: string;
}

async function load(url: string, headers: Record<string, string>, seconds: number, prefix: string): Promise<LoadResult> {
  let n = 0;
  let shown = 0;
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "content-type": "application/json", ...headers },
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(submissionBody(`${prefix}-${String(++n).padStart(8, "0")}`)) }),
        onResponse: (status: number, body: string) => {
          if (status >= 400 && shown++ < 3) console.warn(`  ${status}: ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    detail: `status ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts}`,
    total: result.requests.total,
  };
}

async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "zhangsan", password: BENCH_DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = cookies.find((c) => c.startsWith("hrss_csrf="))?.split("=")[1] ?? "";
  return { cookie: cookies.join("; "), "x-csrf-token": decodeURIComponent(csrf) };
}

export async function benchSubmissions(): Promise<Figure[]> {
  const productPort = 3300 + Math.floor(Math.random() * 500);
  const floorPort = productPort + 1;
  const product = await startProductServer(productPort, "bench");
  const floor = fork(path.join(import.meta.dirname, "floorServer.ts"), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, PORT: String(floorPort), FLOOR_DB: path.join(product.dir, "floor.db") },
  });
  try {
    const base = product.base;
    await new Promise<void>((resolve) => floor.once("message", () => resolve()));
    const db = createDb(product.databaseUrl);
    await publishService(db, benchDefinition());
    await db.$disconnect();
    const headers = await signIn(base);
    const endpoint = `${base}/api/trpc/applications.submitDirect`;
    const floorUrl = `http://127.0.0.1:${floorPort}/submit`;
    // Warm up both (JIT, caches, SQLite pages), then measure.
    await load(endpoint, headers, 2, "warm");
    await load(floorUrl, {}, 2, "warm");
    const ours = await load(endpoint, headers, DURATION_S, "bench");
    const bare = await load(floorUrl, {}, DURATION_S, "bench");
    if (ours.errors > 0) console.warn(`警告：产品端 ${ours.errors}/${ours.total} 个请求失败（${ours.detail}）`);
    const reference = "bare node:http + JSON + ajv + one SQLite transaction";
    return [
      figure("submissions/s via tRPC (SQLite, 50 connections)", ours.rps, "req/s", reference, bare.rps),
      figure("submission latency p50", ours.p50, "ms", reference, bare.p50),
      figure("submission latency p99", ours.p99, "ms", reference, bare.p99),
    ];
  } finally {
    await stopProcess(floor);
    await product.stop();
  }
}
