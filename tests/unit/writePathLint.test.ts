/**
 * The one write path is enforced by lint: a transaction or an audit write outside
 * runtime/write fails `npm run lint`. Each snippet is linted as if it stood in a feature.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath = "runtime/features/example/service.ts") {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

describe("the one write path is enforced by lint", () => {
  it("refuses a Prisma transaction opened in a feature", async () => {
    const found = await problems("export const f = (db: { $transaction: (f: () => void) => void }) => db.$transaction(() => {});\n");
    expect(found).toEqual([expect.stringContaining("唯一写入路径")]);
  });

  it("refuses a plain-SQL transaction opened in a feature", async () => {
    const found = await problems("export const f = (sql: { transaction: (f: () => void) => void }) => sql.transaction(() => {});\n");
    expect(found).toEqual([expect.stringContaining("唯一写入路径")]);
  });

  it("refuses an audit event written directly, through Prisma or SQL", async () => {
    const prisma = await problems("export const f = (tx: any) => tx.auditEvent.create({ data: {} });\n");
    const sql = await problems("export const q = 'INSERT INTO \"AuditEvent\" (\"action\") VALUES (?)';\n");
    expect(prisma).toEqual([expect.stringContaining("audit.record")]);
    expect(sql).toEqual([expect.stringContaining("audit.record")]);
  });

  it("applies to pages, the designer, seeding and scripts too", async () => {
    for (const filePath of ["app/hall/page.tsx", "designer/flow/x.ts", "seed/x.ts", "scripts/x.ts"]) {
      expect(await problems("export const f = (db: any) => db.$transaction(() => {});\n", filePath)).toHaveLength(1);
    }
  });

  it("allows the write path itself and reads of the audit trail", async () => {
    expect(await problems("export const f = (db: any) => db.$transaction(() => {});\n", "runtime/write/writePath.ts")).toEqual([]);
    expect(await problems("export const f = (db: any) => db.auditEvent.findMany({});\n")).toEqual([]);
  });
});
