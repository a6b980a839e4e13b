/**
 * Pinned service definitions. A published version never changes, so its parsed
 * definition is cached per process by version id.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { notFound } from "@/runtime/errors";

const cache = new Map<string, ServiceDefinition>();
const MAX_CACHED = 500;

export async function pinnedDefinition(db: Db | Tx, versionId: string): Promise<ServiceDefinition> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const version = await db.serviceVersion.findUnique({ where: { id: versionId }, select: { definition: true, status: true } });
  if (!version) throw notFound("服务事项版本");
  const definition = serviceDefinition.parse(version.definition);
  if (version.status !== "draft") {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(versionId, definition);
  }
  return definition;
}
