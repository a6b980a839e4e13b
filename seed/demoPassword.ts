/**
 * The password of the demo accounts, and the passwords that must never guard anything.
 *
 * - `DEMO_PASSWORD` set: used as is — except in production (NODE_ENV=production, `npm start`),
 *   where a password published in README or `.env.example` refuses the start.
 * - unset: a random password is generated on first start, printed once, and kept in
 *   `data/demo-password.txt` (or `DEMO_PASSWORD_FILE`), readable by its owner only (0600);
 *   later starts reuse it and print only where it is.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/runtime/db";
import { verifyPassword } from "@/runtime/auth/password";
import { demoAccounts } from "./demoAccounts";

// The password rules live in runtime/auth/passwordRules.ts (the server's account administration uses them too).
export { envExamplePasswords, generatePassword, isPublishedPassword, publishedPasswords, README_DEMO_PASSWORD } from "@/runtime/auth/passwordRules";
import { generatePassword, isPublishedPassword, publishedPasswords } from "@/runtime/auth/passwordRules";

/** The start is refused (a known password in production); the message says what to do. */
export class StartRefused extends Error {
  override name = "StartRefused";
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production";
}

/** Where the generated demo password is kept: `DEMO_PASSWORD_FILE`, default `data/demo-password.txt`. */
export function demoPasswordFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DEMO_PASSWORD_FILE || "data/demo-password.txt");
}

/** Reads the kept password, or generates and keeps a new one (mode 0600). */
export function loadOrCreateDemoPassword(file: string, log: (line: string) => void = () => {}): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith("..") ? relative : file;
  if (existsSync(file)) {
    // Tighten a file someone copied or created with a looser mode.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const kept = readFileSync(file, "utf8").trim();
    if (kept) {
      log(`演示账号密码保存在 ${shown}（仅所有者可读）`);
      return kept;
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const password = generatePassword();
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync keeps the mode of an existing (empty) file
  log(`已生成演示账号密码：${password}`);
  log(`（只显示这一次；已保存在 ${shown}，仅所有者可读）`);
  return password;
}

/**
 * The demo accounts' password for this start. Throws StartRefused in production when
 * DEMO_PASSWORD is a published password.
 */
export function resolveDemoPassword(log: (line: string) => void = () => {}, env: NodeJS.ProcessEnv = process.env): string {
  refusePublishedDemoPassword(env);
  return env.DEMO_PASSWORD || loadOrCreateDemoPassword(demoPasswordFile(env), log);
}

/** Production: DEMO_PASSWORD set to a published password refuses the start (whether demo accounts are seeded or not). */
export function refusePublishedDemoPassword(env: NodeJS.ProcessEnv = process.env): void {
  if (isProduction(env) && env.DEMO_PASSWORD && isPublishedPassword(env.DEMO_PASSWORD)) {
    throw new StartRefused(
      "拒绝启动：DEMO_PASSWORD 是 README 或 .env.example 中公开的密码。请删除该设置（首次启动将生成随机密码并保存在 data/demo-password.txt），或设置为只有您知道的密码。",
    );
  }
}

/**
 * Production start: refuses when a demo account still opens with a published password (seeded by
 * an older version with the README password). Only the demo usernames are checked: no other
 * account was ever given a published password by the product, and checking every applicant's
 * hash would make starts slow.
 */
export async function refuseAccountsWithPublishedPasswords(db: Db): Promise<void> {
  const passwords = publishedPasswords();
  const users = await db.user.findMany({
    where: { username: { in: demoAccounts.map((a) => a.username) } },
    select: { username: true, passwordHash: true },
  });
  const exposed: string[] = [];
  for (const user of users) {
    for (const password of passwords) {
      if (await verifyPassword(user.passwordHash, password)) {
        exposed.push(user.username);
        break;
      }
    }
  }
  if (exposed.length > 0) {
    throw new StartRefused(
      `拒绝启动：账号 ${exposed.join("、")} 仍使用 README 或 .env.example 中公开的密码。` +
        "请为每个账号运行 npm run user:add -- --username <用户名> --reset-password 设置新密码（或删除这些账号）后再启动。",
    );
  }
}
