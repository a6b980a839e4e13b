/**
 * Where each HTTP connector is, per deployment, from the environment (secrets never in the
 * definition or the database):
 *
 * - `CONNECTOR_BASE_URL`: every HTTP connector at `<base>/<connector id>` (the simulator, or a gateway);
 * - `CONNECTOR_<ENV>_URL`: one connector's own address (ENV as in runtime/definition/connectors.ts: SS_CARD, TAX …);
 * - `CONNECTOR_<ENV>_TOKEN`, else `CONNECTOR_TOKEN`: sent as `Authorization: Bearer <token>`;
 * - `CONNECTOR_TIMEOUT_MS` (3000), `CONNECTOR_RETRIES` (2, on network errors and 5xx answers),
 *   `CONNECTOR_BREAKER_FAILURES` (5), `CONNECTOR_BREAKER_OPEN_MS` (30000).
 *
 * A connector with no address is not configured: its checks fall back to the caseworker.
 */
import "server-only";
import type { ConnectorSpec } from "@/runtime/definition/connectors";

export interface HttpConnectorConfig {
  url: string;
  token: string | null;
  timeoutMs: number;
  retries: number;
  breakerFailures: number;
  breakerOpenMs: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

export function httpConfig(spec: ConnectorSpec, env: NodeJS.ProcessEnv = process.env): HttpConnectorConfig | null {
  if (spec.kind !== "http") return null;
  const own = env[`CONNECTOR_${spec.env}_URL`];
  const base = env.CONNECTOR_BASE_URL;
  const url = own || (base ? `${base.replace(/\/+$/, "")}/${spec.id}` : "");
  if (!url) return null;
  return {
    url: url.replace(/\/+$/, ""),
    token: env[`CONNECTOR_${spec.env}_TOKEN`] || env.CONNECTOR_TOKEN || null,
    timeoutMs: positive(env.CONNECTOR_TIMEOUT_MS, 3000),
    retries: Math.min(positive(env.CONNECTOR_RETRIES, 2), 5),
    breakerFailures: Math.max(1, positive(env.CONNECTOR_BREAKER_FAILURES, 5)),
    breakerOpenMs: positive(env.CONNECTOR_BREAKER_OPEN_MS, 30_000),
  };
}
