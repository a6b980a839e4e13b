"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90">
      打印
    </button>
  );
}
