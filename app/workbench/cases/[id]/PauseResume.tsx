"use client";
/** 中止 / 恢复办理: pausing the case (with its reason) stops the clock; resuming restarts it. */
import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { StaffCase } from "@/app/_components/types";
import { isConflict, type OnDone } from "./staffCase";

export function PauseResume({ data, onDone, onError }: { data: StaffCase; onDone: OnDone; onError: (e: unknown) => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const pause = useMutation(trpc.workbench.pause.mutationOptions({ onSuccess: () => onDone("已中止办理，期限暂停计算"), onError }));
  const resume = useMutation(trpc.workbench.resume.mutationOptions({ onSuccess: () => onDone("已恢复办理，期限继续计算"), onError }));
  if (!data.canPause && !data.canResume) return null;
  const pausing = data.canPause;
  const m = pausing ? pause : resume;
  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-lg border bg-background p-4">
      <h2 id={`${uid}-title`} className="font-semibold">{pausing ? "中止办理" : "恢复办理"}</h2>
      <p className="text-sm text-muted-foreground">
        {pausing ? "因法定事由暂时无法继续办理时可中止，中止期间不计入办理期限。" : "中止事由消除后恢复办理，办理期限顺延。"}
      </p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} className="mt-2 rounded-md border px-3 py-1.5 text-sm hover:bg-muted">
          {pausing ? "中止" : "恢复"}
        </button>
      ) : (
        <form
          className="mt-2 space-y-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setProblem(null);
            if (pausing && !reason.trim()) return setProblem("请填写中止原因");
            if (pausing) pause.mutate({ applicationId: data.application.id, reason: reason.trim(), rowVersion: data.application.rowVersion });
            else resume.mutate({ applicationId: data.application.id, reason: reason.trim() || undefined, rowVersion: data.application.rowVersion });
          }}
        >
          <label htmlFor={`${uid}-reason`} className="block text-sm font-medium">
            {pausing ? "中止原因（必填）" : "恢复说明（选填）"}
          </label>
          <textarea id={`${uid}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm" />
          {problem && <p role="alert" className="text-sm text-destructive">{problem}</p>}
          {m.isError && !isConflict(m.error) && <p role="alert" className="text-sm text-destructive">{errorMessage(m.error)}</p>}
          <div className="flex gap-2">
            <button type="submit" disabled={m.isPending} className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground disabled:opacity-60">
              确认{pausing ? "中止" : "恢复"}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted">取消</button>
          </div>
        </form>
      )}
    </section>
  );
}
