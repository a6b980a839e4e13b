/**
 * E-mail to applicants who asked for it. `SMTP_URL` (e.g. `smtp://user:pass@mail.example.cn:587`,
 * `smtps://…:465`) names the server and `MAIL_FROM` the sender (「人社公共服务平台 <noreply@…>」);
 * without `SMTP_URL` each e-mail is printed to the server log (development).
 */
import "server-only";
import nodemailer from "nodemailer";
import { log } from "@/runtime/ops/log";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailChannel {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
}

export const DEFAULT_MAIL_FROM = "人社公共服务平台 <noreply@localhost>";

export function smtpMailChannel(url: string, from = DEFAULT_MAIL_FROM): MailChannel {
  // Short timeouts: a mail server that hangs fails this attempt (retried later) instead of holding the sender.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    name: "smtp",
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

export const logMailChannel: MailChannel = {
  name: "log",
  async send({ to, subject }) {
    log.info({ to }, `[邮件 → ${to}] ${subject}`);
  },
};

/** The channel `SMTP_URL` and `MAIL_FROM` configure, or the server log. */
export function mailChannel(env: NodeJS.ProcessEnv = process.env): MailChannel {
  return env.SMTP_URL ? smtpMailChannel(env.SMTP_URL, env.MAIL_FROM || DEFAULT_MAIL_FROM) : logMailChannel;
}
