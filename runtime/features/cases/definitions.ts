/**
 * Pinned service definitions. A published version never changes, so its parsed
 * definition is cached per process by version id.
 */
import "server-only";
import type { Db, SqlTx, Tx } from "@/runtime/db";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { notFound } from "@/runtime/errors";

const cache = new Map<string, ServiceDefinition>();
const MAX_CACHED = 500;

function remember(versionId: string, status: string, raw: unknown): ServiceDefinition {
  const definition = serviceDefinition.parse(raw);
  if (status !== "draft") {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(versionId, definition);
  }
  return definition;
}

export async function pinnedDefinition(db: Db | Tx, versionId: string): Promise<ServiceDefinition> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const version = await db.serviceVersion.findUnique({ where: { id: versionId }, select: { definition: true, status: true } });
  if (!version) throw notFound("服务事项版本");
  return remember(versionId, version.status, version.definition);
}

/** The same, read inside a plain-SQL write transaction. */
export async function pinnedDefinitionSql(sql: SqlTx, versionId: string): Promise<ServiceDefinition> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const version = await sql.get<{ definition: unknown; status: string }>('SELECT "definition", "status" FROM "ServiceVersion" WHERE "id" = ?', [versionId]);
  if (!version) throw notFound("服务事项版本");
  return remember(versionId, version.status, sql.json(version.definition));
}
