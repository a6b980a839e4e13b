/** npm run restore -- DIR — restore a backup into DATABASE_URL (a new SQLite file or an empty PostgreSQL database) and DATA_DIR. */
import "@/runtime/loadEnv";
import { restore } from "@/runtime/ops/backup";

const from = process.argv[2];
if (!from) {
  console.error("用法：DATABASE_URL=… DATA_DIR=… npm run restore -- 备份目录");
  process.exit(2);
}
try {
  const manifest = restore(from);
  console.log(`已从 ${from} 恢复 ${manifest.kind} 数据库（备份于 ${manifest.takenAt}）`);
} catch (error) {
  console.error(`恢复失败：${(error as Error).message}`);
  process.exit(1);
}
