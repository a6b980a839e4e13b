"use client";
/** Tabs per the WAI-ARIA pattern: arrow keys, Home and End move between tabs; the panel follows. */
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

export function Tabs<K extends string>({ label, items, current, onSelect, idPrefix }: { label: string; items: readonly TabItem<K>[]; current: K; onSelect: (key: K) => void; idPrefix: string }) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = items.findIndex((i) => i.key === current);
    const next =
      event.key === "ArrowRight" ? (index + 1) % items.length : event.key === "ArrowLeft" ? (index - 1 + items.length) % items.length : event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(items[next].key);
    refs.current.get(items[next].key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b" onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          ref={(el) => {
            if (el) refs.current.set(item.key, el);
            else refs.current.delete(item.key);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${item.key}`}
          aria-selected={current === item.key}
          aria-controls={`${idPrefix}-panel-${item.key}`}
          tabIndex={current === item.key ? 0 : -1}
          onClick={() => onSelect(item.key)}
          className={`-mb-px rounded-t-md border px-4 py-2 text-sm ${current === item.key ? "border-b-background bg-background font-medium" : "border-transparent text-muted-foreground hover:text-foreground"}`}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, tab, children }: { idPrefix: string; tab: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`} tabIndex={0} className="pt-4 focus-visible:outline-none">
      {children}
    </div>
  );
}
