/**
 * Where the end-to-end server's notification channel writes (NOTIFY_CHANNEL=file): a spec reads
 * the one-time code a person would get by SMS from it. Set by playwright.config.ts for the server.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function e2eOutboxFile(port: number | string): string {
  return path.join(os.tmpdir(), `hrss-e2e-outbox-${port}.jsonl`);
}

/** The latest code sent to the phone, or undefined. */
export function latestCodeIn(file: string, phone: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const messages = readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as { phone: string; text: string });
  const text = messages.filter((m) => m.phone === phone).at(-1)?.text;
  return text ? /验证码：(\d{6})/.exec(text)?.[1] : undefined;
}
