"use client";
/**
 * Under a material obtainable by sharing: where the office will get it (so the applicant need not
 * upload it), or — when it can come from one of the applicant's earlier cases — their consent to reuse it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";

export function SharedMaterialNote({ applicationId, materialId }: { applicationId: string; materialId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.checks.sharedMaterials.queryOptions({ applicationId }));
  const consent = useMutation(
    trpc.checks.consent.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.checks.sharedMaterials.queryKey({ applicationId }) }) }),
  );
  const entry = query.data?.find((m) => m.materialId === materialId);
  if (!entry) return <p className="mt-1 text-sm text-muted-foreground">可通过部门共享获取，无需上传时可跳过。</p>;
  if (entry.connector !== "platformMaterials") {
    return <p className="mt-1 text-sm text-muted-foreground" data-testid="shared-material-note">无需上传：受理时由工作人员通过{entry.system}共享获取。</p>;
  }
  if (!entry.earlierCase) return <p className="mt-1 text-sm text-muted-foreground">您以往的办件中没有该材料：受理时由工作人员核验，您也可以在此上传。</p>;
  return (
    <div className="mt-1 text-sm" data-testid="shared-material-note">
      {entry.consented ? (
        <p className="text-emerald-900">您已同意复用办件 {entry.earlierCase} 中提交的该材料（{entry.earlierFiles.join("、")}），无需再次上传。</p>
      ) : (
        <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
          您在办件 {entry.earlierCase} 中提交过该材料（{entry.earlierFiles.join("、")}）。
          <button type="button" disabled={consent.isPending} onClick={() => consent.mutate({ applicationId, materialId })} className="rounded border bg-background px-2 py-0.5 text-xs text-foreground hover:bg-muted disabled:opacity-60">
            同意复用，无需上传
          </button>
        </p>
      )}
      {consent.isError && <p role="alert" className="text-destructive">{errorMessage(consent.error)}</p>}
    </div>
  );
}
