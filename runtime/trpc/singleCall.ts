/**
 * A single (non-batched) tRPC mutation over node:http, without the Fetch-API round trip of
 * tRPC's standalone adapter: the body is read and parsed here, then the procedure runs
 * through tRPC's own `callProcedure` (same middlewares: CSRF, session, role, zod input) and
 * the answer or error is shaped by the router's own error formatter — byte for byte what
 * the standalone adapter sends (tests/integration/singleCall.test.ts compares them).
 *
 * Measured: the standalone adapter alone costs about as much as the whole bare floor
 * (node:http + JSON + ajv + one SQLite transaction); this path is what lets a submission
 * come within half of that floor. Batches, queries and anything unusual go to the
 * standalone adapter.
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  callProcedure,
  getErrorShape,
  getHTTPStatusCodeFromError,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import type { AnyRouter } from "@trpc/server";
import type { Context } from "./context";

export interface SingleCallOptions {
  router: AnyRouter;
  basePath: string;
  maxBodySize: number;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<Context>;
  onError: (opts: { error: TRPCError; path: string }) => void;
  /** Headers every tRPC answer carries (as the standalone adapter's responseMeta sets them). */
  headers?: Record<string, string>;
}

/** The procedure path of a request this adapter serves, or null (batch, query, unknown path …). */
export function singleMutationPath(req: IncomingMessage, options: Pick<SingleCallOptions, "router" | "basePath">): string | null {
  if (req.method !== "POST" || !req.url?.startsWith(options.basePath)) return null;
  const rest = req.url.slice(options.basePath.length);
  if (!/^[A-Za-z0-9_.]+$/.test(rest)) return null; // query string (?batch=1), commas, encoding: not ours
  const contentType = req.headers["content-type"];
  if (contentType && !contentType.startsWith("application/json")) return null;
  const procedures = options.router._def.procedures as Record<string, { _def: { type: string } } | undefined>;
  return Object.hasOwn(procedures, rest) && procedures[rest]?._def.type === "mutation" ? rest : null;
}

function readJson(req: IncomingMessage, maxBodySize: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodySize) chunks.push(chunk); // past the limit: drained, not kept
    });
    req.on("error", reject);
    req.on("end", () => {
      if (size > maxBodySize) return reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "Request body too large" }));
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        resolve(JSON.parse(text));
      } catch (cause) {
        reject(new TRPCError({ code: "BAD_REQUEST", message: "Unable to parse request body", cause }));
      }
    });
  });
}

export async function handleSingleCall(req: IncomingMessage, res: ServerResponse, path: string, options: SingleCallOptions): Promise<void> {
  const config = options.router._def._config;
  let ctx: Context | undefined;
  let input: unknown;
  let status = 200;
  let body: unknown;
  try {
    input = await readJson(req, options.maxBodySize);
    ctx = await options.createContext(req, res);
    const data = await callProcedure({ router: options.router, path, getRawInput: async () => input, ctx, type: "mutation", signal: undefined, batchIndex: 0 });
    body = { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError({ error, path });
    status = getHTTPStatusCodeFromError(error);
    body = { error: getErrorShape({ config, error, type: "mutation", path, input, ctx }) };
  }
  const text = JSON.stringify(transformTRPCResponse(config, body as never));
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res.end(text);
}
