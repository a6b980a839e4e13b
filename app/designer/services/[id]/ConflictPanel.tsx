"use client";
/**
 * After a refused save: the person's edits are kept here until they choose — take the saved
 * draft (dropping theirs), compare the two, or save theirs over it knowingly.
 */
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { diffDefinitions } from "@/runtime/definition/diff";
import type { EditorState } from "@/app/_components/types";
import { DiffView } from "@/designer/versions/DiffView";
import { buttonClass, primaryButtonClass } from "@/designer/ui/classes";
import { startingDefinition, type DraftEditor } from "./useDraftEditor";

export function ConflictPanel({ serviceId, message, editor }: { serviceId: string; message: string; editor: DraftEditor }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [server, setServer] = useState<EditorState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const compare = async () => {
    try {
      setServer(await queryClient.fetchQuery({ ...trpc.designer.get.queryOptions({ serviceId }), staleTime: 0 }));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <div role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-message" className="space-y-3 rounded-md border border-destructive/50 bg-destructive/5 p-3">
      <h2 id="conflict-title" className="font-semibold text-destructive">保存冲突</h2>
      <p id="conflict-message" className="text-sm">{message}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} onClick={() => void editor.reload()}>重新加载（放弃我的修改）</button>
        <button type="button" className={buttonClass} onClick={() => void compare()}>比较差异</button>
        {server && (
          <button type="button" className={buttonClass} onClick={() => void editor.keepMine({ draftId: server.draft?.id ?? null, revision: server.draft?.revision ?? null })}>
            以我的修改为准保存
          </button>
        )}
      </div>
      {error && <p role="alert" className="text-sm text-destructive">{error}</p>}
      {server && (
        <section aria-label="差异" className="max-h-96 overflow-auto rounded border bg-background p-2">
          <h3 className="mb-2 text-sm font-medium">
            已保存的草稿（{server.draft ? `修订 ${server.draft.revision}，${server.draft.updatedBy ?? "其他管理员"}` : "已发布，无草稿"}） → 我的修改
          </h3>
          <DiffView entries={diffDefinitions(startingDefinition(server), editor.definition).entries} />
        </section>
      )}
    </div>
  );
}
