/**
 * Submissions per second through the product's tRPC endpoint, served as in production
 * (the custom server: tRPC's node:http adapter beside Next, SQLite), under autocannon with
 * 50 connections — side by side, in the same run, with the floor: a bare node:http server
 * doing only JSON parse + ajv + one SQLite transaction for the same ~2 KB submission.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDb } from "@/runtime/db";
import { publishService } from "@/tests/support/fixtures";
import { pgClusterUnavailableReason, startPgCluster } from "@/tests/support/pgCluster";
import { figure, type Figure } from "./figure";
import { startProductServer, stopProcess } from "./productServer";
import { signIn } from "./session";
import { benchDefinition, submissionBody } from "./submissionFixture";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);

interface LoadResult {
  /** CPU time the server process spent per 2xx answer (user + system), in ms. */
  cpuMsPerRequest: number;
  /** CPU time the load generator (autocannon, in this process) spent per 2xx answer, in ms. */
  loadCpuMsPerRequest: number;
  /** CPU time the whole machine was busy per 2xx answer (server, database, load generator, all else), in ms. */
  machineCpuMsPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
  detail: string;
}

/** CPU time all cores of the machine have been busy so far (everything but idle and iowait), in ms (Linux /proc/stat). */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
}

/** User + system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100/s)
}

async function load(url: string, headers: Record<string, string>, seconds: number, prefix: string, pid: number): Promise<LoadResult> {
  let n = 0;
  const cpuBefore = cpuMs(pid);
  const loadBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
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
  const ok = result.requests.total - result.non2xx - result.errors - result.timeouts;
  const loadUsage = process.cpuUsage(loadBefore);
  const perOk = (ms: number) => (ok > 0 ? Math.round((ms / ok) * 1000) / 1000 : 0);
  return {
    cpuMsPerRequest: perOk(cpuMs(pid) - cpuBefore),
    loadCpuMsPerRequest: perOk((loadUsage.user + loadUsage.system) / 1000),
    machineCpuMsPerRequest: perOk(machineBusyMs() - machineBefore),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    // autocannon counts every answer; a figure of requests per second counts 2xx only.
    rps: (result.requests.total - result.non2xx - result.errors - result.timeouts) / seconds,
    detail: `status ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts}`,
    total: result.requests.total,
  };
}


interface Pair {
  ours: LoadResult;
  bare: LoadResult;
}

/** The product and its floor on one database, measured one after the other in this run. */
async function measurePair(kind: "SQLite" | "PostgreSQL", databaseUrl: string | undefined, floorEnv: Record<string, string>): Promise<Pair> {
  const productPort = 3300 + Math.floor(Math.random() * 500);
  const floorPort = productPort + 1;
  const product = await startProductServer(productPort, `bench-${kind}`, { databaseUrl });
  const floor = fork(path.join(import.meta.dirname, "floorServer.ts"), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, PORT: String(floorPort), FLOOR_DB: path.join(product.dir, "floor.db"), ...floorEnv },
  });
  try {
    await new Promise<void>((resolve) => floor.once("message", () => resolve()));
    const db = createDb(product.databaseUrl);
    await publishService(db, benchDefinition());
    await db.$disconnect();
    const headers = await signIn(product.base, "zhangsan");
    const endpoint = `${product.base}/api/trpc/applications.submitDirect`;
    const floorUrl = `http://127.0.0.1:${floorPort}/submit`;
    // Warm up both (JIT, caches, pages), then measure.
    await load(endpoint, headers, 2, `warm-${kind}`, product.pid);
    await load(floorUrl, {}, 2, `warm-${kind}`, floor.pid!);
    const ours = await load(endpoint, headers, DURATION_S, `bench-${kind}`, product.pid);
    const bare = await load(floorUrl, {}, DURATION_S, `bench-${kind}`, floor.pid!);
    if (ours.errors > 0) console.warn(`警告：产品端（${kind}）${ours.errors}/${ours.total} 个请求失败（${ours.detail}）`);
    return { ours, bare };
  } finally {
    await stopProcess(floor);
    await product.stop();
  }
}

function pairFigures(kind: string, { ours, bare }: Pair): Figure[] {
  const reference = `bare node:http + JSON + ajv + one ${kind} transaction`;
  return [
    figure(`submissions/s via tRPC (${kind}, ${CONNECTIONS} connections, 2xx only)`, ours.rps, "req/s", reference, bare.rps),
    figure(`submission latency p50 (${kind})`, ours.p50, "ms", reference, bare.p50),
    figure(`submission latency p99 (${kind})`, ours.p99, "ms", reference, bare.p99),
    // Server CPU per answer: what the throughput ratio becomes on a machine with a core to spare for the load generator.
    figure(`server CPU per submission (${kind})`, ours.cpuMsPerRequest, "ms", reference, bare.cpuMsPerRequest),
    figure(`load generator CPU per submission (${kind}, autocannon on the same machine)`, ours.loadCpuMsPerRequest, "ms", reference, bare.loadCpuMsPerRequest),
    figure(`machine CPU per submission (${kind}: server, database, load generator)`, ours.machineCpuMsPerRequest, "ms", reference, bare.machineCpuMsPerRequest),
    coresAtGoal(kind, { ours, bare }),
    figure(`submission non-2xx and errors (${kind})`, ours.errors, "requests", `of ${ours.total} sent (floor: ${bare.errors} of ${bare.total})`, bare.errors),
  ];
}

/**
 * What the goal (half the floor's rate) asks of this machine: at that rate, the machine's CPU per
 * submission (the server, the database, the load generator: everything busy meanwhile), in cores,
 * beside the cores there are. Above them, no number of serving processes or threads reaches the
 * goal on this machine: the work per submission must shrink.
 */
function coresAtGoal(kind: string, { ours, bare }: Pair): Figure {
  const goalRate = bare.rps / 2;
  const cores = (goalRate * ours.machineCpuMsPerRequest) / 1000;
  return figure(`cores busy at half the floor's rate (${kind}: ${Math.round(goalRate)}/s × machine CPU per submission)`, cores, "cores", "cores of this machine", os.availableParallelism());
}

export async function benchSubmissions(): Promise<Figure[]> {
  const figures = pairFigures("SQLite", await measurePair("SQLite", undefined, {}));
  const unavailable = pgClusterUnavailableReason();
  if (unavailable) {
    console.warn(`跳过 PostgreSQL 提交基准：${unavailable}`);
    return figures;
  }
  const cluster = await startPgCluster({ database: "bench" });
  try {
    const productUrl = await cluster.createDatabase("bench_product");
    const floorUrl = await cluster.createDatabase("bench_floor");
    figures.push(...pairFigures("PostgreSQL", await measurePair("PostgreSQL", productUrl, { FLOOR_PG: floorUrl })));
  } finally {
    await cluster.stop();
  }
  return figures;
}
