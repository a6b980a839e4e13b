/**
 * The HTTP adapter: a connector's request as JSON over HTTP with the deployment's address and
 * token (config.ts), a timeout per attempt (AbortController), retries with exponential backoff
 * on network errors and 5xx answers (a timeout is not retried: a slow system is not pressed
 * harder), and a circuit breaker per connector (breaker.ts). The answer is parsed with its zod
 * schema; whatever goes wrong comes back as `Unavailable`, never thrown.
 */
import "server-only";
import type { z } from "zod";
import { log } from "@/runtime/ops/log";
import { CircuitBreaker } from "./breaker";
import type { HttpConnectorConfig } from "./config";
import { unavailableWords, type Answer } from "./protocol";

const breakers = new Map<string, CircuitBreaker>();

function breakerFor(id: string, config: HttpConnectorConfig): CircuitBreaker {
  const key = `${id} ${config.url}`;
  let breaker = breakers.get(key);
  if (!breaker) breakers.set(key, (breaker = new CircuitBreaker({ failures: config.breakerFailures, openMs: config.breakerOpenMs })));
  return breaker;
}

/** Forgets every circuit's state (tests). */
export function resetBreakers(): void {
  breakers.clear();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Retryable extends Error {}

async function attempt(url: string, body: unknown, config: HttpConnectorConfig): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(config.token ? { authorization: `Bearer ${config.token}` } : {}) },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (response.status >= 500) throw new Retryable(`HTTP ${response.status}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return Symbol.for("malformed");
    }
  } finally {
    clearTimeout(timer);
  }
}

export async function callHttp<T>(
  id: string,
  config: HttpConnectorConfig,
  operation: "check" | "lookup",
  body: unknown,
  schema: z.ZodType<T>,
): Promise<Answer<T>> {
  const breaker = breakerFor(id, config);
  if (!breaker.allow(Date.now())) return { ok: false, reason: "circuitOpen", message: unavailableWords.circuitOpen };
  const url = `${config.url}/${operation}`;
  for (let round = 0; ; round++) {
    try {
      const raw = await attempt(url, body, config);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        breaker.failure(Date.now());
        log.warn({ connector: id, operation }, "connector answer malformed");
        return { ok: false, reason: "malformed", message: unavailableWords.malformed };
      }
      breaker.success();
      return { ok: true, value: parsed.data };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "AbortError";
      const retryable = !timedOut && (error instanceof Retryable || error instanceof TypeError);
      if (retryable && round < config.retries) {
        await sleep(100 * 2 ** round);
        continue;
      }
      breaker.failure(Date.now());
      log.warn({ connector: id, operation, problem: error instanceof Error ? error.message : String(error) }, "connector unavailable");
      return timedOut
        ? { ok: false, reason: "timeout", message: `${unavailableWords.timeout}（${config.timeoutMs} 毫秒）` }
        : { ok: false, reason: "failed", message: `${unavailableWords.failed}（${error instanceof Error ? error.message : "未知错误"}）` };
    }
  }
}
