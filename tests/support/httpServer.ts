/**
 * The product's HTTP entry points without Next (tRPC's node adapter at /api/trpc, uploads at
 * /api/files, OpenID Connect sign-in at /auth/oidc/, the security headers and unparseable-request answers of server.ts) on a random local port, against the database
 * in DATABASE_URL — for tests of what a browser or an attacker sees over HTTP.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTrpcNodeHandler, TRPC_BASE_PATH } from "@/runtime/trpc/nodeHandler";
import { FILES_PATH, handleFiles } from "@/runtime/features/applications/filesHttp";
import { securityHeaders } from "@/runtime/http/securityHeaders";
import { answerClientError } from "@/runtime/http/clientError";
import { secureCookies } from "@/runtime/auth/cookies";
import { OIDC_PATH, handleOidc } from "@/runtime/features/accounts/oidcHttp";
import { closeDb } from "@/runtime/db";
import { logRequests } from "@/runtime/http/requestLog";
import type { createLogger } from "@/runtime/ops/log";
import type { TestDb } from "./testDb";

export interface TestServer {
  base: string;
  host: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: { logger?: ReturnType<typeof createLogger> } = {}): Promise<TestServer> {
  const handleTrpc = createTrpcNodeHandler();
  const listener: http.RequestListener = (req, res) => {
    for (const [name, value] of securityHeaders(req.url ?? "/", { dev: false, secure: secureCookies() })) res.setHeader(name, value);
    if (req.url?.startsWith(TRPC_BASE_PATH)) return handleTrpc(req, res);
    if (req.url?.startsWith(FILES_PATH)) return void handleFiles(req, res);
    if (req.url?.startsWith(OIDC_PATH)) return void handleOidc(req, res);
    res.statusCode = 404;
    res.end();
  };
  const server = http.createServer(options.logger ? logRequests(listener, options.logger) : listener);
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies a response sets, by name: the value and the attributes as sent. */
export function setCookies(response: Response): Map<string, { value: string; attributes: string[] }> {
  const out = new Map<string, { value: string; attributes: string[] }>();
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    out.set(pair.slice(0, eq), { value: decodeURIComponent(pair.slice(eq + 1)), attributes });
  }
  return out;
}

/** POSTs a tRPC mutation (a single, unbatched call) as JSON. */
export function mutation(server: TestServer, path: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.base}${TRPC_BASE_PATH}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
}

/** A test database served over HTTP as above (DATABASE_URL points at it until `close`, which also closes the process-wide client). */
export async function serveTestDb(t: TestDb): Promise<TestServer> {
  process.env.DATABASE_URL = t.url;
  const server = await startHttpServer();
  return {
    ...server,
    close: async () => {
      await server.close();
      await closeDb();
      delete process.env.DATABASE_URL;
    },
  };
}
