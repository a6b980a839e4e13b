/**
 * A simulator of the external systems the connectors call (社保卡系统, 税务, 市场监管, 户籍 …),
 * as a small HTTP server speaking runtime/connectors/protocol.ts: `POST /<connector>/check` and
 * `POST /<connector>/lookup`. Used by the end-to-end tests and the demo (`npm run simulator`).
 *
 * Switches, per connector or for all (`*`): `normal`, `slow` (answers after `delayMs`),
 * `failing` (503) and `malformed` (an answer that is not the protocol's) —
 * `POST /__control { connector, mode, delayMs }`, `GET /__control` (the switches and the
 * calls received), `POST /__control/reset`. With `token` set, calls need `Authorization: Bearer <token>`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PASSED_DETAIL, PEOPLE } from "./data";

export type Mode = "normal" | "slow" | "failing" | "malformed";

export interface Simulator {
  url: string;
  server: Server;
  setMode(connector: string, mode: Mode, delayMs?: number): void;
  close(): Promise<void>;
}

interface Switch {
  mode: Mode;
  delayMs: number;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as unknown) : {};
}

function send(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value));
}

interface Subject {
  idNumber?: string;
  creditCode?: string;
}

export function startSimulator(options: { port?: number; host?: string; token?: string } = {}): Promise<Simulator> {
  const switches = new Map<string, Switch>();
  const calls: { at: string; connector: string; operation: string }[] = [];
  const switchFor = (connector: string): Switch => switches.get(connector) ?? switches.get("*") ?? { mode: "normal", delayMs: 0 };

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://simulator");
        const parts = url.pathname.split("/").filter(Boolean);
        if (parts[0] === "__control") {
          if (req.method === "GET") return send(res, 200, { switches: Object.fromEntries(switches), calls: calls.slice(-200) });
          if (parts[1] === "reset") {
            switches.clear();
            calls.length = 0;
            return send(res, 200, { ok: true });
          }
          const input = (await body(req)) as { connector?: string; mode?: Mode; delayMs?: number };
          if (!input.mode || !["normal", "slow", "failing", "malformed"].includes(input.mode)) return send(res, 400, { error: "mode 应为 normal、slow、failing 或 malformed" });
          switches.set(input.connector ?? "*", { mode: input.mode, delayMs: input.delayMs ?? 10_000 });
          return send(res, 200, { ok: true });
        }
        if (req.method !== "POST" || parts.length !== 2 || !["check", "lookup"].includes(parts[1])) return send(res, 404, { error: "not found" });
        if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: "unauthorized" });
        const [connector, operation] = parts;
        calls.push({ at: new Date().toISOString(), connector, operation });
        const input = (await body(req)) as { subject?: Subject; facts?: { key: string }[]; need?: string };
        const sw = switchFor(connector);
        if (sw.mode === "slow") await new Promise((resolve) => setTimeout(resolve, sw.delayMs));
        if (sw.mode === "failing") return send(res, 503, { error: "系统维护中" });
        if (sw.mode === "malformed") {
          res.writeHead(200, { "content-type": "application/json" });
          return res.end(operation === "check" ? '{"facts": "正常"}' : "<html>网关错误</html>");
        }
        const person = PEOPLE[input.subject?.idNumber ?? input.subject?.creditCode ?? ""];
        if (operation === "check") {
          const facts = Object.fromEntries(
            (input.facts ?? []).map((f) => {
              const failing = person?.failing[connector]?.[f.key];
              return [f.key, failing ? { passed: false, detail: failing } : { passed: true, detail: PASSED_DETAIL }];
            }),
          );
          return send(res, 200, { facts });
        }
        const record = person?.records[connector];
        return send(res, 200, record ? { found: true, record } : { found: false, record: {} });
      } catch {
        if (!res.headersSent) send(res, 400, { error: "bad request" });
      }
    })();
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
        server,
        setMode: (connector, mode, delayMs = 10_000) => void switches.set(connector, { mode, delayMs }),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
