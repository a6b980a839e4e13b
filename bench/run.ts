/**
 * `npm run bench`: every benchmark, each figure printed beside its reference measured in
 * the same run, and written to bench/results/latest.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Figure } from "./figure";

type Bench = { name: string; run: () => Promise<Figure[]> };

const benches: Bench[] = [
  { name: "engine", run: async () => (await import("./engine")).benchEngine() },
  { name: "seed", run: async () => (await import("./seed")).benchSeed() },
  { name: "submissions", run: async () => (await import("./submissions")).benchSubmissions() },
  { name: "designer", run: async () => (await import("./designer")).benchDesigner() },
  { name: "pages", run: async () => (await import("./pages")).benchPages() },
  { name: "workbench", run: async () => (await import("./workbench")).benchWorkbench() },
  { name: "dashboard", run: async () => (await import("./dashboard")).benchDashboard() },
  { name: "keystrokes", run: async () => (await import("./keystrokes")).benchKeystrokes() },
];

const only = process.argv.slice(2);
const figures: Figure[] = [];
for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  console.log(`▶ ${bench.name} …`);
  try {
    figures.push(...(await bench.run()));
  } catch (error) {
    console.error(`✗ ${bench.name} failed:`, error);
    process.exitCode = 1;
  }
}

console.table(figures.map((f) => ({ figure: f.name, value: `${f.value} ${f.unit}`, reference: f.reference, "reference value": `${f.referenceValue} ${f.unit}`, ratio: f.ratio })));
const out = path.join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
const latest = path.join(out, "latest.json");
// A run of some benches replaces their figures and keeps the others' from earlier runs.
const kept: Figure[] = only.length && existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as { figures: Figure[] }).figures : [];
const names = new Set(figures.map((f) => f.name));
const merged = [...kept.filter((f) => !names.has(f.name)), ...figures];
writeFileSync(latest, `${JSON.stringify({ at: new Date().toISOString(), figures: merged }, null, 2)}\n`);
console.log(`已写出 ${path.relative(process.cwd(), latest)}`);
process.exit(process.exitCode ?? 0);
