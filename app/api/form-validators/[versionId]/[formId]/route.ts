/**
 * GET /api/form-validators/<versionId>/<formId>: the precompiled validator script of a form of a
 * published (immutable) definition version, for applicant pages whose Content-Security-Policy
 * forbids `eval` (runtime/forms/precompile.ts). Public like the service guide; drafts are not served.
 */
import { LRUCache } from "lru-cache";
import { getDb } from "@/runtime/db";
import { serviceDefinition } from "@/runtime/definition/schema";
import { validatorScript } from "@/runtime/forms/precompile";
import { validatorKey } from "@/runtime/forms/precompiledNames";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const scripts = new LRUCache<string, string>({ max: 300 });

const notFound = () =>
  new Response("// 表单不存在\n", { status: 404, headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" } });

export async function GET(_request: Request, context: { params: Promise<{ versionId: string; formId: string }> }) {
  const { versionId, formId } = await context.params;
  const key = validatorKey(versionId, formId);
  let script = scripts.get(key);
  if (script === undefined) {
    const version = await getDb().serviceVersion.findUnique({ where: { id: versionId }, select: { definition: true, status: true } });
    if (!version || version.status === "draft") return notFound();
    const parsed = serviceDefinition.safeParse(version.definition);
    const form = parsed.success ? parsed.data.forms.find((f) => f.id === formId) : undefined;
    if (!form) return notFound();
    script = validatorScript(key, form.schema);
    scripts.set(key, script);
  }
  return new Response(script, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      // A published version never changes.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
