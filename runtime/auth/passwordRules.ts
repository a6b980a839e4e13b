/**
 * What a password must be, for every way one is set (the shell's `user:add`, an administrator
 * creating or resetting a staff account): long enough, and never one that README or
 * `.env.example` shows. And new passwords made for people (shown once).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const MIN_PASSWORD_LENGTH = 10;

/** The demo password README printed until 2026-12 (still in old copies and forks). */
export const README_DEMO_PASSWORD = "Demo@2026";

const ENV_EXAMPLE = path.resolve(import.meta.dirname, "../../.env.example");

/** Every password value `.env.example` shows (`…PASSWORD=value` lines, commented out or not). */
export function envExamplePasswords(file = ENV_EXAMPLE): string[] {
  if (!existsSync(file)) return [];
  const out: string[] = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const m = /^\s*#?\s*([A-Z0-9_]*PASSWORD)\s*=\s*(.*?)\s*$/.exec(line);
    const value = m?.[2]?.replace(/^(["'])(.*)\1$/, "$2");
    if (value) out.push(value);
  }
  return out;
}

/** Passwords anyone can read (README, `.env.example`): none may guard an account in production. */
export function publishedPasswords(): string[] {
  return [...new Set([README_DEMO_PASSWORD, ...envExamplePasswords()])];
}

export function isPublishedPassword(password: string): boolean {
  return publishedPasswords().includes(password);
}

/** Why a password may not be used, or null. */
export function passwordProblem(password: string): string | null {
  if (isPublishedPassword(password)) return "不能使用 README 或 .env.example 中公开的密码";
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  return null;
}

/** A new random password: 18 characters from letters, digits, `-` and `_` (108 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url").slice(0, 18);
}
