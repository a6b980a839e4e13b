/**
 * `npm run export -- --out DIR`: writes the current published version of every region
 * service as DIR/<code>.json. Creates and seeds the embedded database first if needed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/runtime/db";
import { exportPublished } from "@/runtime/features/interchange/interchange";
import { prepareDatabase } from "@/seed/prepare";

const { values } = parseArgs({ options: { out: { type: "string" } } });
if (!values.out) {
  console.error("用法：npm run export -- --out 目录");
  process.exit(2);
}
const out = path.resolve(values.out);
await prepareDatabase({ log: (line) => console.log(line) });
const services = await exportPublished(getDb());
mkdirSync(out, { recursive: true });
services.forEach((service, i) => {
  writeFileSync(path.join(out, `${service.code}.json`), `${JSON.stringify(service.definition, null, 2)}\n`);
  if ((i + 1) % 25 === 0 || i + 1 === services.length) console.log(`已导出 ${i + 1}/${services.length}`);
});
console.log(`完成：${services.length} 个服务事项已写入 ${out}`);
process.exit(0);
