/**
 * `npm run export -- --out DIR`: writes the current published version of every region
 * service as DIR/<code>.json. With `--office CODE` (e.g. 150102): the definitions that office
 * runs — its own services and, for the others, the most specific published variant in its chain
 * (banner → league → region) — plus DIR/_index.json (a name no service code can have) naming whose version each is and which of the
 * parent's versions it derives from (`npm run import` skips that file). Creates and seeds the
 * embedded database first if needed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { exportPublished } from "@/runtime/features/interchange/interchange";
import { exportForOffice } from "@/runtime/features/interchange/officeExport";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { prepareDatabase } from "@/seed/prepare";

const { values } = parseArgs({ options: { out: { type: "string" }, office: { type: "string" } } });
if (!values.out || (values.office !== undefined && !/^\d{6}$/.test(values.office))) {
  console.error("用法：npm run export -- --out 目录 [--office 单位编码（6 位数字，如 150102）]");
  process.exit(2);
}
const out = path.resolve(values.out);
await prepareDatabase({ log: (line) => console.log(line) });
let services: { code: string; definition: ServiceDefinition }[];
let index: unknown = null;
if (values.office) {
  try {
    const exported = await exportForOffice(getDb(), values.office);
    services = [...exported.definitions].map(([code, definition]) => ({ code, definition }));
    index = exported.index;
    const own = exported.index.services.filter((s) => s.ownerOrgId !== "150000").length;
    console.log(`${exported.index.office.name}（${values.office}）：${services.length} 个服务事项，其中 ${own} 个为本单位或上级单位的本地版本`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
} else {
  services = await exportPublished(getDb());
}
mkdirSync(out, { recursive: true });
services.forEach((service, i) => {
  writeFileSync(path.join(out, `${service.code}.json`), `${JSON.stringify(service.definition, null, 2)}\n`);
  if ((i + 1) % 25 === 0 || i + 1 === services.length) console.log(`已导出 ${i + 1}/${services.length}`);
});
if (index) writeFileSync(path.join(out, "_index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(`完成：${services.length} 个服务事项已写入 ${out}`);
process.exit(0);
