/**
 * How the platform reaches a person outside the browser (one-time codes today). A deployment
 * plugs in its SMS gateway behind `NotificationChannel`; what ships:
 *
 * - `console` (default): prints the message to the server log (「验证码：123456」), for development;
 * - `file`: appends each message as a JSON line to `NOTIFY_OUTBOX_FILE` (development and the
 *   end-to-end tests, which read the code from it).
 *
 * Tests of the services swap in their own channel with `useNotificationChannel`.
 */
import "server-only";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export interface OutgoingMessage {
  /** A mobile number (11 digits). */
  phone: string;
  text: string;
}

export interface NotificationChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export const consoleChannel: NotificationChannel = {
  name: "console",
  async send({ phone, text }) {
    console.log(`[短信 → ${phone}] ${text}`);
  },
};

export function fileOutboxChannel(file: string): NotificationChannel {
  return {
    name: "file",
    async send(message) {
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify({ ...message, at: new Date().toISOString() })}\n`, { mode: 0o600 });
    },
  };
}

let override: NotificationChannel | null = null;

/** Replaces the configured channel (tests); `null` goes back to the configuration. */
export function useNotificationChannel(channel: NotificationChannel | null): void {
  override = channel;
}

/** The channel `NOTIFY_CHANNEL` names (`console` by default, or `file` with `NOTIFY_OUTBOX_FILE`). */
export function notificationChannel(env: NodeJS.ProcessEnv = process.env): NotificationChannel {
  if (override) return override;
  const name = env.NOTIFY_CHANNEL || "console";
  if (name === "console") return consoleChannel;
  if (name === "file") {
    if (!env.NOTIFY_OUTBOX_FILE) throw new Error("NOTIFY_CHANNEL=file 需要设置 NOTIFY_OUTBOX_FILE");
    return fileOutboxChannel(path.resolve(env.NOTIFY_OUTBOX_FILE));
  }
  throw new Error(`未知的通知渠道 NOTIFY_CHANNEL=${name}（可用：console、file）`);
}
