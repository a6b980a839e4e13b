/** Shared Tailwind classes of the designer's controls (the app's shadcn colour tokens). */
export const inputClass =
  "w-full min-w-0 rounded-md border border-input bg-background px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60";
export const labelClass = "flex flex-col gap-1 text-sm font-medium";
export const buttonClass = "rounded-md border border-input bg-background px-3 py-1.5 text-sm hover:bg-muted disabled:cursor-not-allowed disabled:opacity-50";
export const primaryButtonClass = "rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50";
export const smallButtonClass = "rounded border border-input bg-background px-2 py-0.5 text-xs hover:bg-muted disabled:cursor-not-allowed disabled:opacity-50";
export const checkboxLabelClass = "flex items-center gap-2 text-sm";
