/**
 * `npm run seed:build`: parses the guide document and writes one template per service to
 * seed/templates/<code>.json plus seed/templates/index.json; stale templates are removed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { indexEntry, parseSeed, SOURCE_DOCUMENT, templateJson } from "./pipeline";

const seedDir = dirname(fileURLToPath(import.meta.url));
const sourceDir = join(seedDir, "source");
const templatesDir = join(seedDir, "templates");

const { services } = parseSeed(
  readFileSync(join(sourceDir, SOURCE_DOCUMENT), "utf8"),
  readFileSync(join(sourceDir, "ENTRIES.tsv"), "utf8"),
);

mkdirSync(templatesDir, { recursive: true });
const written = new Set(["index.json"]);
for (const service of services) {
  const file = `${service.code}.json`;
  writeFileSync(join(templatesDir, file), templateJson(service));
  written.add(file);
}
writeFileSync(join(templatesDir, "index.json"), templateJson(services.map(indexEntry)));
for (const file of readdirSync(templatesDir)) {
  if (file.endsWith(".json") && !written.has(file)) rmSync(join(templatesDir, file));
}
console.log(`seed: ${services.length} services written to ${templatesDir}`);
