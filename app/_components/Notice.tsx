"use client";
import { useEffect, useRef, type ReactNode } from "react";

/** An error the person can act on: message, optional details, and a reload button. `focus` brings it into view. */
export function ErrorNotice({ message, details, onReload, focus }: { message: string; details?: ReactNode; onReload?: () => void; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || !ref.current) return;
    ref.current.scrollIntoView({ block: "center" });
    ref.current.focus({ preventScroll: true });
  }, [focus, message]);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-4 py-3 text-sm text-red-900 outline-none">
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
