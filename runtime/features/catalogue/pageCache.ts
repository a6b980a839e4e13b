/**
 * The public catalogue pages (办事大厅 /hall and the guides /hall/services/<code>) are the same
 * for every visitor, signed in or not: Next renders them without reading the session (the
 * request carries SHARED_PAGE_HEADER, set by `markSharedPage` — server.ts calls it on every
 * request it hands to Next — and by nothing else; the site header then asks who is signed in
 * from the browser). The production server keeps them for a second and drops them
 * as soon as a version is published through this instance.
 *
 * Why: every page goes through the root layout, so Next renders each on each request (several
 * milliseconds; the hall with its 150+ services, over ten); visitors who have chosen the same
 * place (办理地, a cookie) get the same page: the entries are kept per place. Only plain GETs
 * without Next's client-navigation headers are served from here; the response (status 200, no
 * Set-Cookie) is stored as Next wrote it, per Accept-Encoding. Concurrent requests for a page
 * being rendered wait for that one render instead of starting their own. Other instances
 * publishing are seen when the entry expires (PAGE_TTL_MS). CACHE_TTL_SCALE=0 turns it off.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { cookieName, parseCookies, PLACE_COOKIE } from "@/runtime/auth/cookies";
import { catalogueGeneration, onCatalogueChange } from "./changes";

const PAGE_TTL_MS = 1_000;
/** The hall and a guide; shared with any query, kept without one (a search is rendered each time). */
const SHARED_PAGE = String.raw`^/hall(?:/services/[A-Za-z0-9_-]{1,80})?/?`;
const CACHED_PATH = new RegExp(`${SHARED_PAGE}$`);
const SHARED_PATH = new RegExp(String.raw`${SHARED_PAGE}(?:\?|$)`);

/** Set on the requests for pages every visitor shares: the root layout reads no session for them. */
export const SHARED_PAGE_HEADER = "x-hrss-shared-page";

/**
 * Marks a request to Next as one for a shared page (by its path), and removes the mark from any
 * other request: a visitor sending it themselves gets the page as the path deserves.
 */
export function markSharedPage(req: IncomingMessage): void {
  if (req.url && SHARED_PATH.test(req.url)) req.headers[SHARED_PAGE_HEADER] = "1";
  else delete req.headers[SHARED_PAGE_HEADER];
}
/** Headers Next sends on client-side navigations and prefetches (RSC payloads, not HTML). */
const NAVIGATION_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "next-url"];
/** Connection-level headers: written afresh for each response. */
const HOP_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

interface Page {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function cacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" || !req.url || !CACHED_PATH.test(req.url)) return null;
  if (NAVIGATION_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  const cookies = parseCookies(req.headers.cookie);
  // The pages show the catalogue as it applies at the visitor's chosen place: one entry per place.
  const place = cookies[cookieName(PLACE_COOKIE)] ?? "";
  if (!/^\d{0,12}$/.test(place)) return null;
  return `${req.headers["accept-encoding"] ?? ""}\n${place}\n${req.url}`;
}

function send(res: ServerResponse, page: Page): void {
  res.writeHead(page.status, { ...page.headers, "content-length": page.body.length, "x-page-cache": "hit" });
  res.end(page.body);
}

type Chunk = string | Buffer | Uint8Array;
const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) => (typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk));

/** Records what is written to `res` (still sent as usual); resolves to a copy once it has ended (null when not storable). */
function recordResponse(res: ServerResponse): Promise<Page | null> {
  const chunks: Buffer[] = [];
  const headArgs: OutgoingHttpHeaders = {};
  const { write, end, writeHead } = res;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null);
    if (headers && !Array.isArray(headers)) Object.assign(headArgs, headers);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    chunks.push(toBuffer(chunk, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined));
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (args[0] !== undefined && typeof args[0] !== "function") chunks.push(toBuffer(args[0] as Chunk, typeof args[1] === "string" ? (args[1] as BufferEncoding) : undefined));
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.end;
  return new Promise<Page | null>((resolve) => {
    res.once("finish", () => {
      const headers: OutgoingHttpHeaders = { ...res.getHeaders(), ...headArgs };
      for (const name of Object.keys(headers)) if (HOP_HEADERS.has(name.toLowerCase())) delete headers[name];
      const storable = res.statusCode === 200 && !Object.keys(headers).some((h) => h.toLowerCase() === "set-cookie");
      resolve(storable ? { status: res.statusCode, headers, body: Buffer.concat(chunks) } : null);
    });
    res.once("close", () => resolve(null));
  });
}

/** Wraps Next's request handler (its requests marked by `markSharedPage`): shared pages from memory, everything else through to `handle`. */
export function cachePublicPages(handle: Handler): Handler {
  const scale = Number(process.env.CACHE_TTL_SCALE ?? 1);
  if (scale <= 0) return handle;
  const pages = new LRUCache<string, Page>({ max: 500, ttl: Math.max(1, PAGE_TTL_MS * scale) });
  const rendering = new Map<string, Promise<Page | null>>();
  onCatalogueChange(() => {
    pages.clear();
    rendering.clear();
  });
  return async (req, res) => {
    const key = cacheKey(req);
    if (!key) return handle(req, res);
    const hit = pages.get(key);
    if (hit) return send(res, hit);
    const inFlight = rendering.get(key);
    if (inFlight) {
      const page = await inFlight;
      if (page) return send(res, page);
      return handle(req, res);
    }
    const generation = catalogueGeneration();
    const recorded = recordResponse(res);
    rendering.set(key, recorded);
    void recorded.then((page) => {
      if (rendering.get(key) === recorded) rendering.delete(key);
      // A page rendered while a version was being published may show the old catalogue.
      if (page && generation === catalogueGeneration()) pages.set(key, page);
    });
    try {
      await handle(req, res);
    } catch (error) {
      if (rendering.get(key) === recorded) rendering.delete(key);
      throw error;
    }
  };
}
