/**
 * Brings a database to a usable state at start: applies the committed migrations, then
 * seeds what is missing (organisations, demo accounts, the document's templates).
 * Every step is idempotent, so starting twice, or several instances at once, changes nothing.
 */
import "server-only";
import { getDb, migrate, withStartupLock, type Db } from "@/runtime/db";
import { seedOrganisations } from "./organisations";
import { seedDemoAccounts } from "./demoAccounts";
import { refusePublishedDemoPassword, resolveDemoPassword } from "./demoPassword";
import { loadTemplates, upgradeTemplates } from "./loadTemplates";
import { seedDemoVariants } from "./demoVariants";

export interface PrepareOptions {
  db?: Db;
  url?: string;
  log?: (line: string) => void;
  /** Skip the demo accounts (e.g. a production deployment that manages its own users). */
  demoAccounts?: boolean;
  /** Password of the demo accounts (default: DEMO_PASSWORD or the generated one, see demoPassword.ts). */
  demoPassword?: string;
}

export async function prepareDatabase(options: PrepareOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const seedDemo = options.demoAccounts ?? process.env.SEED_DEMO_ACCOUNTS !== "0";
  // First, before touching the database: a published password refuses a production start.
  refusePublishedDemoPassword();
  const demoPassword = seedDemo ? (options.demoPassword ?? resolveDemoPassword(log)) : undefined;
  const migrated = await migrate(options.url);
  if (migrated.applied.length > 0) log(`已应用数据库迁移：${migrated.applied.join("、")}`);
  const db = options.db ?? getDb();
  // Several instances starting together on one empty PostgreSQL database seed one at a time.
  await withStartupLock(options.url, async () => {
    await seedOrganisations(db);
    if (demoPassword !== undefined) {
      const created = await seedDemoAccounts(db, demoPassword);
      if (created > 0) log(`已创建 ${created} 个演示账号`);
    }
    const templates = await loadTemplates(db, undefined, (done, total) => {
      if (done === total || done % 25 === 0) log(`正在导入服务事项模板：${done}/${total}`);
    });
    if (templates.created > 0) log(`已导入 ${templates.created} 个服务事项模板`);
    const { upgraded } = await upgradeTemplates(db);
    if (upgraded.length > 0) log(`已将 ${upgraded.length} 个未经修改的服务事项更新为新版模板（第 2 版）：${upgraded.join("、")}`);
    if (demoPassword !== undefined) {
      const variants = await seedDemoVariants(db);
      if (variants > 0) log(`已创建 ${variants} 个演示本地版本`);
    }
  });
}
