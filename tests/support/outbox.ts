/** A notification channel for tests: keeps every message in memory, so a test reads the code a person would get. */
import type { NotificationChannel, OutgoingMessage } from "@/runtime/notify/channel";

export class MemoryOutbox implements NotificationChannel {
  readonly name = "memory";
  readonly messages: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.messages.push(message);
  }
  /** The 6-digit code of the latest message to the phone. */
  lastCode(phone: string): string {
    const message = this.messages.filter((m) => m.phone === phone).at(-1);
    const code = message && /验证码：(\d{6})/.exec(message.text)?.[1];
    if (!code) throw new Error(`no code was sent to ${phone}`);
    return code;
  }
  countTo(phone: string): number {
    return this.messages.filter((m) => m.phone === phone).length;
  }
}
