/**
 * The client's address, for sign-in limits and the audit trail. Behind reverse proxies
 * (`TRUST_PROXY=1`, or the number of proxies in the chain) the address is taken from
 * `X-Forwarded-For` counting from the right: each trusted proxy appends the address it received
 * the request from, so the right-most entry not added by one of ours is the client. The entries
 * to its left are whatever the client chose to send and are never believed.
 */
import "server-only";
import type { IncomingMessage } from "node:http";

/** How many reverse proxies in front of the server are trusted (TRUST_PROXY: 0, 1, 2 …). */
export function trustedProxyHops(): number {
  const value = Number(process.env.TRUST_PROXY ?? 0);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 10) : 0;
}

const MAX_ADDRESS_LENGTH = 64;

export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const hops = trustedProxyHops();
  if (hops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const entries = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The peer is the nearest proxy; the hops-1 proxies beyond it each appended one entry.
  const client = entries[entries.length - hops];
  if (!client || client.length > MAX_ADDRESS_LENGTH) return peer;
  return client;
}
