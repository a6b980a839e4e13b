/**
 * Public pages under load, served as in production (server.ts, production build, its own
 * seeded SQLite database): 办事大厅 (/hall, every published service) and the 办事指南 of the
 * seeded service with the most materials, each at 20 connections (autocannon):
 *   - as anonymous visitors get them, and as a signed-in applicant does: the same page for both
 *     (it reads no session; the header asks who is signed in from the browser), served from the
 *     page cache, re-rendered at most once a second and right after a publication
 *     (runtime/features/catalogue/pageCache.ts).
 * Reference, same server, same run: the sign-in page (/login) — a trivial page through the
 * same path (root layout with its session lookup, Next's dynamic rendering), anonymous or
 * signed in like the figure beside it. The ceiling (a static Next asset, the stylesheet,
 * served by the same handler) is printed beside the trivial page for scale.
 * Each page is measured in alternating rounds so that load from other processes falls on
 * all alike.
 */
import autocannon from "autocannon";
import { readTemplates } from "@/seed/loadTemplates";
import { figure, type Figure } from "./figure";
import { startProductServer } from "./productServer";
import { signIn } from "./session";

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 2;


interface Load {
  requests: number;
  seconds: number;
  p99: number[];
  failures: number;
}

interface Target {
  url: string;
  headers?: Record<string, string>;
}

async function load(target: Target, seconds: number, into?: Load): Promise<void> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: seconds });
  if (!into) return;
  into.requests += result.requests.total;
  into.seconds += seconds;
  into.p99.push(result.latency.p99);
  into.failures += result.non2xx + result.errors + result.timeouts;
}

const empty = (): Load => ({ requests: 0, seconds: 0, p99: [], failures: 0 });
const rps = (l: Load) => l.requests / l.seconds;
/** The worse of the rounds' p99 (a p99 is not averaged). */
const p99 = (l: Load) => Math.max(...l.p99);

async function firstStylesheet(base: string): Promise<string> {
  const html = await (await fetch(`${base}/login`)).text();
  const href = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error("登录页中没有找到样式表链接");
  return `${base}${href}`;
}

export async function benchPages(): Promise<Figure[]> {
  const guide = [...readTemplates()].sort((a, b) => b.materials.length - a.materials.length)[0];
  const server = await startProductServer(4300 + Math.floor(Math.random() * 500), "pages-bench");
  try {
    const base = server.base;
    const { cookie } = await signIn(base, "zhangsan");
    const signedIn = { cookie };
    const pages: Record<string, Target> = {
      hall: { url: `${base}/hall` },
      guide: { url: `${base}/hall/services/${guide.code}` },
      login: { url: `${base}/login` },
      hallSignedIn: { url: `${base}/hall`, headers: signedIn },
      guideSignedIn: { url: `${base}/hall/services/${guide.code}`, headers: signedIn },
      loginSignedIn: { url: `${base}/login`, headers: signedIn },
      asset: { url: await firstStylesheet(base) },
    };
    for (const [name, target] of Object.entries(pages)) {
      const res = await fetch(target.url, { headers: target.headers });
      if (res.status !== 200) throw new Error(`${name} ${target.url}: HTTP ${res.status}`);
      await res.arrayBuffer();
    }
    const hallHtml = await (await fetch(pages.hall.url)).text();
    const listed = hallHtml.match(/href="\/hall\/services\//g)?.length ?? 0;
    if (listed < 100) throw new Error(`办事大厅只列出 ${listed} 个事项`);
    // A page every visitor shares: nothing of the signed-in visitor in it.
    const personal = await (await fetch(pages.hallSignedIn.url, { headers: signedIn })).text();
    if (personal.includes("张三")) throw new Error("登录后的办事大厅含有当前用户的姓名：共享页面不应含个人信息");
    console.log(`  办事大厅列出 ${listed} 个事项（${Math.round(hallHtml.length / 1024)} KB）；指南页：${guide.code}（${guide.materials.length} 项材料）`);

    const names = Object.keys(pages);
    const tally: Record<string, Load> = Object.fromEntries(names.map((n) => [n, empty()]));
    for (const name of names) await load(pages[name], 1); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) await load(pages[name], SECONDS / ROUNDS, tally[name]);
    }
    for (const [name, l] of Object.entries(tally)) if (l.failures) console.warn(`  警告：${name} 有 ${l.failures} 个请求失败`);
    const anonymous = "trivial page /login, anonymous (same server, same layout, same run)";
    const personalRef = "trivial page /login, signed in (same server, same run)";
    return [
      figure(`办事大厅 /hall (${listed} services), anonymous, 20 connections`, rps(tally.hall), "req/s", anonymous, rps(tally.login)),
      figure("办事大厅 /hall, anonymous, latency p99", p99(tally.hall), "ms", anonymous, p99(tally.login)),
      figure(`办事指南 /hall/services/${guide.code} (${guide.materials.length} materials), anonymous, 20 connections`, rps(tally.guide), "req/s", anonymous, rps(tally.login)),
      figure("办事指南, anonymous, latency p99", p99(tally.guide), "ms", anonymous, p99(tally.login)),
      figure("办事大厅 /hall, signed in (the same shared page)", rps(tally.hallSignedIn), "req/s", personalRef, rps(tally.loginSignedIn)),
      figure("办事大厅 /hall, signed in, latency p99", p99(tally.hallSignedIn), "ms", personalRef, p99(tally.loginSignedIn)),
      figure(`办事指南 ${guide.code}, signed in (the same shared page)`, rps(tally.guideSignedIn), "req/s", personalRef, rps(tally.loginSignedIn)),
      figure("办事指南, signed in, latency p99", p99(tally.guideSignedIn), "ms", personalRef, p99(tally.loginSignedIn)),
      figure("trivial page /login, anonymous, 20 connections", rps(tally.login), "req/s", "static Next asset (stylesheet), same server", rps(tally.asset)),
    ];
  } finally {
    await server.stop();
  }
}
