/**
 * One app instance's tRPC endpoint over HTTP on a random local port, against a given database
 * client: two of them over one database are two instances sharing it (each client has its own
 * per-process caches, as separate processes would).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTrpcNodeHandler, TRPC_BASE_PATH } from "@/runtime/trpc/nodeHandler";
import type { Db } from "@/runtime/db";

export interface TrpcServer {
  base: string;
  /** POSTs a single call (or a batch, when `path` names several procedures) and answers the response. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTrpcServer(db: Db): Promise<TrpcServer> {
  const handle = createTrpcNodeHandler({ db });
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    post: (path, body, headers = {}) =>
      fetch(`${base}${TRPC_BASE_PATH}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
    get: (path, headers = {}) => fetch(`${base}${TRPC_BASE_PATH}${path}`, { headers }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The cookie header and CSRF header a signed-in browser sends, from a sign-in response. */
export function sessionHeaders(signIn: Response): Record<string, string> {
  const cookies = new Map<string, string>();
  for (const line of signIn.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const csrf = decodeURIComponent(cookies.get("hrss_csrf") ?? "");
  return { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), "x-csrf-token": csrf };
}
