/**
 * Issue 9, item 1: no publicly known password administers anything. A production start with the
 * README / .env.example password is refused; without DEMO_PASSWORD the first start generates one,
 * kept in a file only its owner can read and reused by the next start; `npm run user:add` creates
 * the first administrator of a deployment without demo accounts.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seedOrganisations } from "@/seed/organisations";
import { seedDemoAccounts } from "@/seed/demoAccounts";
import {
  README_DEMO_PASSWORD,
  envExamplePasswords,
  refuseAccountsWithPublishedPasswords,
  resolveDemoPassword,
  StartRefused,
} from "@/seed/demoPassword";
import { addUser } from "@/seed/addUser";
import { createDb } from "@/runtime/db/client";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "demo-password-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs a script with tsx as `npm start` / `npm run` would; resolves with its exit code and output. */
function run(script: string, env: Record<string, string>, args: string[] = [], stdin?: string, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const clean = { ...process.env };
    delete clean.DEMO_PASSWORD;
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
      cwd: root,
      env: { ...clean, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(stdin ?? "");
  });
}

describe("a production start with a published password", () => {
  it("is refused before the database is touched", async () => {
    const password = README_DEMO_PASSWORD;
    const dir = tempDir();
    const db = path.join(dir, "app.db");
    const { code, output } = await run("server.ts", {
      NODE_ENV: "production",
      DEMO_PASSWORD: password,
      DATABASE_URL: `file:${db}`,
      DATA_DIR: path.join(dir, "files"),
      PORT: "0",
      HOST: "127.0.0.1",
    });
    expect(code).toBe(1);
    expect(output).toContain("拒绝启动：DEMO_PASSWORD 是 README 或 .env.example 中公开的密码");
    expect(existsSync(db)).toBe(false);
  });

  it("counts every password .env.example shows as published", () => {
    const file = path.join(tempDir(), ".env.example");
    writeFileSync(file, '# DEMO_PASSWORD=Example#1\nDB_PASSWORD="x y"\nDEMO_PASSWORD_FILE=./data/demo-password.txt\nDEMO_PASSWORD=\n');
    expect(envExamplePasswords(file)).toEqual(["Example#1", "x y"]);
    // The project's own .env.example shows none (and README's is refused regardless).
    expect(envExamplePasswords()).toEqual([]);
    expect(() => resolveDemoPassword(() => {}, { NODE_ENV: "production", DEMO_PASSWORD: README_DEMO_PASSWORD })).toThrow(StartRefused);
  });

  it("is allowed in development, and any other password is allowed in production", () => {
    expect(resolveDemoPassword(() => {}, { NODE_ENV: "development", DEMO_PASSWORD: README_DEMO_PASSWORD })).toBe(README_DEMO_PASSWORD);
    expect(resolveDemoPassword(() => {}, { NODE_ENV: "production", DEMO_PASSWORD: "only-we-know-9x" })).toBe("only-we-know-9x");
  });
});

describe("the generated demo password", () => {
  it("is created on first start with mode 0600, printed once, and reused by the next start", () => {
    const file = path.join(tempDir(), "data", "demo-password.txt");
    const env = { NODE_ENV: "production" as const, DEMO_PASSWORD_FILE: file };
    const firstLog: string[] = [];
    const first = resolveDemoPassword((l) => firstLog.push(l), env);
    expect(first).toMatch(/^[\w-]{18}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(firstLog.join("\n")).toContain(first);

    const secondLog: string[] = [];
    expect(resolveDemoPassword((l) => secondLog.push(l), env)).toBe(first);
    expect(secondLog.join("\n")).not.toContain(first);
    expect(secondLog.join("\n")).toContain("demo-password.txt");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe.each(databaseKinds())("accounts and passwords on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedOrganisations(t.db);
  }, 120_000);
  afterAll(async () => t?.cleanup());
  afterEach(async () => {
    await t.db.session.deleteMany();
    await t.db.membership.deleteMany();
    await t.db.user.deleteMany();
  });

  it("opens the demo accounts with the generated password only", async () => {
    const file = path.join(tempDir(), "demo-password.txt");
    const password = resolveDemoPassword(() => {}, { NODE_ENV: "production", DEMO_PASSWORD_FILE: file });
    await seedDemoAccounts(t.db, password);
    await expect(signedIn(t.db, "region.admin", password)).resolves.toBeDefined();
    await expect(signedIn(t.db, "hohhot.admin", README_DEMO_PASSWORD)).rejects.toThrow("用户名或密码不正确");
    await expect(refuseAccountsWithPublishedPasswords(t.db)).resolves.toBeUndefined();
  });

  it("refuses a production start while demo accounts of an older version keep the README password, until it is reset", async () => {
    await seedDemoAccounts(t.db, README_DEMO_PASSWORD);
    await t.db.user.deleteMany({ where: { username: { notIn: ["region.admin", "zhangsan"] } } });
    const refusal = refuseAccountsWithPublishedPasswords(t.db);
    await expect(refusal).rejects.toBeInstanceOf(StartRefused);
    await expect(refusal).rejects.toThrow("账号 region.admin、zhangsan 仍使用 README 或 .env.example 中公开的密码");
    for (const username of ["region.admin", "zhangsan"]) {
      await addUser(t.db, { username, password: `new-secret-${username}`, resetPassword: true });
    }
    await expect(refuseAccountsWithPublishedPasswords(t.db)).resolves.toBeUndefined();
    await expect(signedIn(t.db, "region.admin", "new-secret-region.admin")).resolves.toBeDefined();
  });

  it("user:add creates a region administrator and refuses published or short passwords and unknown offices", async () => {
    await expect(addUser(t.db, { username: "root", password: README_DEMO_PASSWORD, organisationId: "150000", role: "region_admin" })).rejects.toThrow(
      "不能使用 README 或 .env.example 中公开的密码",
    );
    await expect(addUser(t.db, { username: "root", password: "short", organisationId: "150000", role: "region_admin" })).rejects.toThrow("密码至少 10 个字符");
    await expect(addUser(t.db, { username: "root", password: "long-enough-1", organisationId: "999999", role: "region_admin" })).rejects.toThrow("单位 999999 不存在");
    await expect(addUser(t.db, { username: "root", password: "long-enough-1", organisationId: "150100", role: "region_admin" })).rejects.toThrow("自治区管理员只能属于自治区单位");
    expect(await t.db.user.count()).toBe(0);

    const created = await addUser(t.db, { username: "root", password: "long-enough-1", organisationId: "150000", role: "region_admin", displayName: "首位管理员" });
    expect(created.created).toBe(true);
    const { caller } = await signedIn(t.db, "root", "long-enough-1");
    const me = await caller.auth.me();
    expect(me.user?.memberships).toMatchObject([{ organisationId: "150000", role: "region_admin" }]);
    expect(me.areas).toContain("designer");
  });
});

describe("npm run user:add", () => {
  it("creates the first administrator of a new database from a piped password", async () => {
    const dir = tempDir();
    const url = `file:${path.join(dir, "app.db")}`;
    const { code, output } = await run(
      "scripts/user-add.ts",
      { DATABASE_URL: url },
      ["--username", "first.admin", "--org", "150000", "--role", "region_admin"],
      "piped-Secret-77\n",
    );
    expect(output).toContain("已创建账号 first.admin");
    expect(output).not.toContain("piped-Secret-77");
    expect(code).toBe(0);
    const db = createDb(url);
    try {
      await expect(signedIn(db, "first.admin", "piped-Secret-77")).resolves.toBeDefined();
    } finally {
      await db.$disconnect();
    }
  }, 90_000);

  it("generates and prints the password once when none is given, and refuses an existing name", async () => {
    const url = `file:${path.join(tempDir(), "app.db")}`;
    const args = ["--username", "second.admin", "--org", "150000", "--role", "region_admin"];
    const first = await run("scripts/user-add.ts", { DATABASE_URL: url }, args);
    expect(first.code).toBe(0);
    const password = /密码（只显示这一次，请妥善保存）：(\S+)/.exec(first.output)?.[1];
    expect(password).toMatch(/^[\w-]{18}$/);
    const again = await run("scripts/user-add.ts", { DATABASE_URL: url }, args);
    expect(again.code).toBe(1);
    expect(again.output).toContain("账号 second.admin 已存在");
    const db = createDb(url);
    try {
      await expect(signedIn(db, "second.admin", password!)).resolves.toBeDefined();
    } finally {
      await db.$disconnect();
    }
  }, 90_000);
});
