/** One structured log line per request, and the request's id for every line logged while serving it. */
import "server-only";
import type http from "node:http";
import { randomUUID } from "node:crypto";
import { log as defaultLog, requestContext, type RequestContext } from "@/runtime/ops/log";

/** A request id a proxy in front may pass on (X-Request-Id), when it looks like one. */
const REQUEST_ID = /^[\w.:-]{8,100}$/;

/** One log line per request: method, path without its query (it may carry personal data), status, time, request and user id. */
export function logRequests(listener: http.RequestListener, log = defaultLog): http.RequestListener {
  return (req, res) => {
    const incoming = req.headers["x-request-id"];
    const context: RequestContext = { requestId: typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID() };
    res.setHeader("x-request-id", context.requestId);
    const started = performance.now();
    res.on("finish", () => {
      const path = (req.url ?? "/").split("?")[0];
      log.info({ requestId: context.requestId, userId: context.userId, method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }, "request");
    });
    requestContext.run(context, () => listener(req, res));
  };
}

