"use client";
/** 证明事项告知承诺制: for a material the service allows it for, commit instead of uploading (or take it back). */
import { useState } from "react";
import { useTRPCClient, errorMessage } from "@/app/_trpc/client";
import type { Material } from "@/runtime/definition/schema";
import { commitmentWording } from "@/runtime/definition/commitments";

export function CommitmentChoice({ applicationId, material, committed, onChanged }: { applicationId: string; material: Material; committed: boolean; onChanged: () => Promise<unknown> | void }) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (commit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await client.commitments.set.mutate({ applicationId, materialId: material.id, commit });
      await onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };
  return (
    <div data-testid={`commitment-${material.id}`} className="mt-3 rounded-md border border-amber-700/30 bg-amber-50/60 p-3 text-sm">
      <p className="font-medium">本材料适用证明事项告知承诺制：可以承诺代替提交</p>
      <label className="mt-1 flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={committed} disabled={busy} onChange={(e) => void choose(e.target.checked)} />
        <span>{commitmentWording(material.name)}</span>
      </label>
      {committed && <p className="mt-1 text-emerald-900">已选择告知承诺，无需上传本材料；经办机构将在办结后进行核查。</p>}
      {error && (
        <p role="alert" className="mt-1 text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
