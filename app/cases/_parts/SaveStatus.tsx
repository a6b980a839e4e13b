/** Where the draft's autosave stands (announced politely to screen readers), with a retry after a failure. */
import type { SaveState } from "./useAutosave";

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <p role="status" aria-live="polite" className="flex min-h-6 items-center gap-2 text-sm" data-testid="save-status">
      {state.kind === "dirty" && <span className="text-muted-foreground">有未保存的修改…</span>}
      {state.kind === "saving" && <span className="text-muted-foreground">正在保存…</span>}
      {state.kind === "saved" && <span className="text-emerald-800">已保存（{state.at}）</span>}
      {state.kind === "local" && <span className="text-muted-foreground">修改已暂存在本浏览器，提交补正后生效</span>}
      {state.kind === "error" && (
        <>
          <span className="text-destructive">保存失败：{state.message}</span>
          <button type="button" onClick={onRetry} className="rounded border px-2 py-0.5 text-xs hover:bg-muted">重试</button>
        </>
      )}
      {state.kind === "idle" && <span className="text-muted-foreground">草稿会自动保存</span>}
    </p>
  );
}
