/**
 * A local SMTP server for tests (smtp-server): accepts every message (or refuses each with 550)
 * and keeps it decoded — in memory, and as JSON lines in a file when given one (the end-to-end
 * server runs it beside itself; a spec reads the file, as a person reads their inbox).
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The decoded text of the body. */
  text: string;
}

export interface MailSink {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** The text of a single-part message as nodemailer sends it (UTF-8, quoted-printable or base64). */
export function decodeBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

export async function startMailSink(options: { refuse?: boolean; file?: string } = {}): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  if (options.file) rmSync(options.file, { force: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (options.refuse) return callback(Object.assign(new Error("邮箱拒收"), { responseCode: 550 }));
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), text: decodeBody(Buffer.concat(chunks).toString("utf8")) };
        received.push(mail);
        if (options.file) appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Where the end-to-end server's sink writes. */
export function e2eMailFile(port: number | string): string {
  return path.join(os.tmpdir(), `hrss-e2e-mail-${port}.jsonl`);
}

export function mailsIn(file: string): ReceivedMail[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as ReceivedMail);
}
