"use client";
/** The draft's save state, announced politely to screen readers. */
import type { SaveStatus } from "./useDraftEditor";

function time(iso: string | null): string {
  return iso ? new Date(iso).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "";
}

export function SaveState({ status }: { status: SaveStatus }) {
  let text: string;
  let tone = "text-muted-foreground";
  switch (status.kind) {
    case "saved":
      text = status.revision ? `已自动保存（修订 ${status.revision}${status.at ? `，${time(status.at)}` : ""}）` : "没有未保存的修改";
      break;
    case "dirty":
      text = "有未保存的修改，稍后自动保存…";
      break;
    case "saving":
      text = "正在保存…";
      break;
    case "error":
      text = status.message;
      tone = "text-destructive";
      break;
    case "conflict":
      text = "保存冲突：您的修改尚未保存";
      tone = "text-destructive";
      break;
  }
  return (
    <p role="status" aria-live="polite" data-testid="save-state" className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
