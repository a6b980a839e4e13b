"use client";
import type { ReactNode } from "react";

/** An error the person can act on: message, optional details, and a reload button. */
export function ErrorNotice({ message, details, onReload }: { message: string; details?: ReactNode; onReload?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">{message}</p>
      {details}
      {onReload && (
        <button type="button" onClick={onReload} className="mt-2 rounded-md border border-red-900/30 bg-background px-3 py-1 font-medium hover:bg-muted">
          刷新页面
        </button>
      )}
    </div>
  );
}

export function Loading({ text = "正在加载…" }: { text?: string }) {
  return <p role="status" className="text-muted-foreground">{text}</p>;
}
