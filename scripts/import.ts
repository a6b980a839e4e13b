/**
 * `npm run import -- FILE…`: validates each file against the service-definition contract
 * and, only when every file is valid, saves them as drafts of the region's services.
 * A bad file is refused with the path of the bad field; nothing is changed then. The index an
 * export by office writes beside the definitions (_index.json) is skipped, and a definition that
 * index names as a league's or banner's local version is refused: an office's effective definition
 * is not the region's template (importing it would overwrite the template's draft).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/runtime/db";
import { checkDefinitionFile, importAsDrafts } from "@/runtime/features/interchange/interchange";
import { isOfficeExportIndex } from "@/runtime/features/interchange/officeExport";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { prepareDatabase } from "@/seed/prepare";
import { REGION_ID } from "@/runtime/features/catalogue/regionId";

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("用法：npm run import -- 文件1.json [文件2.json …]");
  process.exit(2);
}
/** Codes an office export in the file's folder names as some office's local version (not the region's). */
const localCodesByDir = new Map<string, Map<string, string>>();
function localVersionOwner(file: string, code: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  let codes = localCodesByDir.get(dir);
  if (!codes) {
    codes = new Map();
    const indexFile = path.join(dir, "_index.json");
    const index = existsSync(indexFile) ? parsedOrNull(readFileSync(indexFile, "utf8")) : null;
    if (isOfficeExportIndex(index)) for (const s of index.services) if (s.ownerOrgId !== REGION_ID) codes.set(s.code, s.ownerName);
    localCodesByDir.set(dir, codes);
  }
  return codes.get(code);
}

const definitions: ServiceDefinition[] = [];
let failed = false;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    console.error(`✗ ${file}：无法读取文件`);
    failed = true;
    continue;
  }
  if (isOfficeExportIndex(parsedOrNull(text))) {
    console.log(`跳过 ${file}：这是按单位导出时的索引文件，不是服务事项定义`);
    continue;
  }
  const { definition, problems } = checkDefinitionFile(path.basename(file), text);
  for (const p of problems) console.error(`✗ ${p.file}${p.path ? ` 字段 ${p.path}` : ""}：${p.message}`);
  const owner = definition ? localVersionOwner(file, definition.code) : undefined;
  if (owner) {
    console.error(`✗ ${file}：这是${owner}的本地版本（按单位导出的生效定义），不能作为自治区的模板导入`);
    failed = true;
  } else if (definition) definitions.push(definition);
  else failed = true;
}
if (failed) {
  console.error("导入已取消：请修正以上问题后重试，数据库未作任何更改。");
  process.exit(1);
}
await prepareDatabase({ log: (line) => console.log(line) });
const result = await importAsDrafts(getDb(), definitions, null);
console.log(`导入完成：新建草稿 ${result.created} 个，更新草稿 ${result.updated} 个。请在设计器中检查后发布。`);
process.exit(0);
