/**
 * What node:http answers when it cannot parse a request at all (an address or headers beyond its
 * 16 KB limit, a malformed request line): by default a bare status with no body. This answers
 * with the product's JSON error shape and a Chinese message instead, then closes the connection.
 */
import type { Duplex } from "node:stream";

const answers: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "请求地址或请求头过长，请缩短后重试"],
  HPE_URI_TOO_LONG: [414, "URI Too Long", "请求地址过长，请缩短后重试"],
};

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = answers[error.code ?? ""] ?? [400, "Bad Request", "请求格式不正确"];
  const body = JSON.stringify({ error: { message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
