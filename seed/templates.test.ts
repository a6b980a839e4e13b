/**
 * The committed templates (seed/templates/*.json) are what the parsers produce now.
 * When this fails after a parser change, run `npm run seed:build` and commit the result.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEEDED_TEMPLATE_COUNT } from "@/tests/support/seededTemplates";
import { indexEntry, parseSeed, SOURCE_DOCUMENT, templateJson } from "./pipeline";

const seedDir = import.meta.dirname;
const templatesDir = path.join(seedDir, "templates");
const { services } = parseSeed(
  readFileSync(path.join(seedDir, "source", SOURCE_DOCUMENT), "utf8"),
  readFileSync(path.join(seedDir, "source", "ENTRIES.tsv"), "utf8"),
);

describe("seed templates", () => {
  it("has one template per parsed service and nothing else", () => {
    expect(services).toHaveLength(SEEDED_TEMPLATE_COUNT);
    const files = readdirSync(templatesDir).filter((file) => file.endsWith(".json") && file !== "index.json");
    expect(files.sort()).toEqual(services.map((service) => `${service.code}.json`).sort());
  });

  it("has an up-to-date index.json", () => {
    expect(readFileSync(path.join(templatesDir, "index.json"), "utf8")).toBe(templateJson(services.map(indexEntry)));
  });

  it.each(services.map((service) => [service.code, service] as const))("%s.json is up to date", (code, service) => {
    const file = path.join(templatesDir, `${code}.json`);
    expect(existsSync(file), `${code}.json missing — run npm run seed:build`).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(templateJson(service));
  });
});
