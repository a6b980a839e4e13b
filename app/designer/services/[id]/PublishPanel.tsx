"use client";
/** 发布: saves what is pending, then asks the server to publish the draft as the next numbered version. */
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { buttonClass, primaryButtonClass } from "@/designer/ui/classes";
import type { VariantViolation } from "@/runtime/definition/variant";
import type { DraftEditor } from "./useDraftEditor";

export interface PublishMessage {
  text: string;
  error: boolean;
}

/**
 * The button and its confirmation. What came of it goes to `onMessage`: the editor shows it in
 * the page flow under the header's buttons (a floating one covered the problem list).
 */
export function PublishPanel({
  serviceId,
  problems,
  violations = [],
  nextNumber,
  editor,
  onBlocked,
  onPublished,
  onMessage: setMessage,
}: {
  serviceId: string;
  problems: number;
  /** A local variant's breaches of the region's rules: publishing stays disabled, with the reasons, while there are any. */
  violations?: readonly VariantViolation[];
  nextNumber: number;
  editor: DraftEditor;
  onBlocked: () => void;
  onPublished: (number: number) => void;
  onMessage: (message: PublishMessage | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const publish = useMutation(trpc.designer.publish.mutationOptions());
  const hasWork = editor.draft.draftId !== null || editor.status.kind === "dirty" || editor.status.kind === "saving";

  const confirm = async () => {
    setMessage(null);
    const saved = await editor.saveNow();
    if (!saved?.draftId || saved.revision === null) {
      setMessage({ text: "草稿未能保存，暂不能发布。", error: true });
      return;
    }
    try {
      const result = await publish.mutateAsync({ serviceId, draftId: saved.draftId, revision: saved.revision });
      setOpen(false);
      setMessage({ text: `已发布第 ${result.number} 版。新的申请将按此版本办理，已提交的办件仍按原版本办理。`, error: false });
      onPublished(result.number);
      await editor.reload();
      void queryClient.invalidateQueries({ queryKey: trpc.designer.versions.queryKey({ serviceId }) });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
      onBlocked();
    }
  };

  return (
    <div className="relative">
      <button
        type="button"
        className={primaryButtonClass}
        disabled={!hasWork || editor.status.kind === "conflict" || violations.length > 0}
        aria-expanded={open}
        aria-describedby={violations.length > 0 ? "publish-blocked" : undefined}
        onClick={() => {
          if (problems > 0) {
            onBlocked();
            setMessage({ text: `检查发现 ${problems} 个问题，改正后才能发布。`, error: true });
            return;
          }
          setOpen((o) => !o);
        }}
      >
        发布
      </button>
      {open && (
        <div role="dialog" aria-label="确认发布" className="absolute right-0 z-20 mt-2 w-80 space-y-3 rounded-lg border bg-background p-4 shadow-lg">
          <p className="text-sm">
            发布为第 {nextNumber} 版？发布后该版本不可再修改；新的申请按新版本办理，已提交的办件仍按原版本办理。
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass} onClick={() => setOpen(false)}>取消</button>
            <button type="button" className={primaryButtonClass} onClick={() => void confirm()} disabled={publish.isPending}>
              {publish.isPending ? "正在发布…" : "确认发布"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
