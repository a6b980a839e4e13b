/**
 * Export and import of service definitions as JSON files of the contract — the
 * interchange format users of Form.io or SurveyJS expect. Import checks every file first
 * and changes nothing unless all of them are valid; valid ones become drafts.
 */
import "server-only";
import { writeWithPrisma } from "@/runtime/write";
import type { Db } from "@/runtime/db";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { REGION_ID } from "../catalogue/service";

export interface ExportedService {
  code: string;
  version: number;
  definition: ServiceDefinition;
}

/** The current published version of every region service. */
export async function exportPublished(db: Db): Promise<ExportedService[]> {
  const versions = await db.serviceVersion.findMany({
    where: { status: "published", service: { ownerOrgId: REGION_ID } },
    orderBy: [{ serviceId: "asc" }, { number: "desc" }],
    select: { number: true, definition: true, service: { select: { code: true } } },
  });
  const latest = new Map<string, ExportedService>();
  for (const v of versions) {
    if (latest.has(v.service.code)) continue;
    latest.set(v.service.code, { code: v.service.code, version: v.number ?? 0, definition: serviceDefinition.parse(v.definition) });
  }
  return [...latest.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export interface ImportProblem {
  file: string;
  path: string;
  message: string;
}

/** Parses and validates one file's text; problems name the path of the bad field. */
export function checkDefinitionFile(file: string, text: string): { definition?: ServiceDefinition; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, path: "", message: `不是有效的 JSON：${(error as Error).message}` }] };
  }
  const result = serviceDefinition.safeParse(raw);
  if (result.success) return { definition: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file,
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}

/** Saves each definition as the region service's draft (creating the service when new), in one transaction. */
export async function importAsDrafts(db: Db, definitions: ServiceDefinition[], actorId: string | null): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const actor = actorId ? { id: actorId, kind: "staff" as const } : null;
  await writeWithPrisma(
    db,
    actor,
    async ({ tx, audit }) => {
      for (const definition of definitions) {
        const service = await tx.service.upsert({
          where: { ownerOrgId_code: { ownerOrgId: REGION_ID, code: definition.code } },
          create: { code: definition.code, ownerOrgId: REGION_ID, title: definition.title, part: definition.group.part, category: definition.group.category },
          update: {},
        });
        const draft = await tx.serviceVersion.findFirst({ where: { serviceId: service.id, status: "draft" } });
        if (draft) {
          await tx.serviceVersion.update({
            where: { id: draft.id },
            data: { definition: definition as never, revision: { increment: 1 }, updatedById: actorId },
          });
          updated++;
        } else {
          await tx.serviceVersion.create({
            data: { serviceId: service.id, status: "draft", definition: definition as never, createdById: actorId, updatedById: actorId },
          });
          created++;
        }
        audit.record({ action: "import", organisationId: REGION_ID, entityType: "Service", entityId: service.id, payload: { code: definition.code } });
      }
    },
    { timeoutMs: 120_000 },
  );
  return { created, updated };
}
