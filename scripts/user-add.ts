/**
 * `npm run user:add -- --username NAME --org 150000 --role region_admin [--name 显示名]`
 * creates a staff account; `npm run user:add -- --username NAME --reset-password` sets a new
 * password on an existing one. The password is read from standard input when it is piped
 * (`printf '%s' "$PW" | npm run user:add -- …`); without one it is generated and printed once.
 * Applies the migrations and the organisations first, so it works before the first start.
 */
import "@/runtime/loadEnv";
import { parseArgs } from "node:util";
import { getDb, migrate } from "@/runtime/db";
import { seedOrganisations } from "@/seed/organisations";
import { addUser, UserAddError } from "@/seed/addUser";
import { generatePassword } from "@/seed/demoPassword";

const usage =
  "用法：npm run user:add -- --username 用户名 --org 单位代码 --role region_admin|office_admin|caseworker|reviewer [--name 显示名]\n" +
  "      npm run user:add -- --username 用户名 --reset-password\n" +
  "密码从标准输入读取（管道）；未提供时自动生成并显示一次。";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        username: { type: "string" },
        org: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        "reset-password": { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!args.username) {
    console.error(usage);
    return 2;
  }
  // A password piped in is used; none (a terminal, or empty input) means one is generated.
  const given = process.stdin.isTTY ? "" : await readStdin();
  const piped = given !== "";
  const password = piped ? given : generatePassword();
  await migrate();
  const db = getDb();
  await seedOrganisations(db);
  try {
    const result = await addUser(db, {
      username: args.username,
      password,
      organisationId: args.org,
      role: args.role,
      displayName: args.name,
      resetPassword: args["reset-password"],
    });
    console.log(result.created ? `已创建账号 ${args.username}` : `已为 ${args.username} 设置新密码（其登录会话已全部失效）`);
    if (!piped) console.log(`密码（只显示这一次，请妥善保存）：${password}`);
    return 0;
  } catch (error) {
    if (error instanceof UserAddError) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exit(await main());
