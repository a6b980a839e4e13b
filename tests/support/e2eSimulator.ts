/**
 * Where the end-to-end server's simulator of external systems listens (tests/e2e/serve.ts starts
 * it and writes its address here), so a spec can flip its switches (slow, failing, malformed).
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function e2eSimulatorFile(port: number | string): string {
  return path.join(os.tmpdir(), `hrss-e2e-simulator-${port}.txt`);
}

export function recordE2eSimulator(port: number | string, url: string): void {
  writeFileSync(e2eSimulatorFile(port), url);
}

export function e2eSimulatorUrl(port: number | string): string {
  return readFileSync(e2eSimulatorFile(port), "utf8").trim();
}

/** Sets a switch of the simulator: `connector` (or `*`) answers normally, slowly, not at all, or malformed. */
export async function setSimulatorMode(port: number | string, connector: string, mode: "normal" | "slow" | "failing" | "malformed", delayMs?: number) {
  const response = await fetch(`${e2eSimulatorUrl(port)}/__control`, { method: "POST", body: JSON.stringify({ connector, mode, delayMs }) });
  if (!response.ok) throw new Error(`simulator switch failed: ${response.status}`);
}
