/** npm run backup -- --out DIR — a consistent backup of the database and uploaded files, while the product runs. */
import "@/runtime/loadEnv";
import { parseArgs } from "node:util";
import { backup } from "@/runtime/ops/backup";

const { values } = parseArgs({ options: { out: { type: "string" } } });
if (!values.out) {
  console.error("用法：npm run backup -- --out 目录");
  process.exit(2);
}
const manifest = await backup(values.out);
console.log(`已备份 ${manifest.kind} 数据库${manifest.files ? "和上传的材料" : ""}到 ${values.out}（${manifest.takenAt}）`);
