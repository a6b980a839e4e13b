/** Formatting for people: dates in China time, file sizes, case statuses in Chinese. */
import type { ApplicationStatus } from "@/runtime/engine/status";
import { applicationStatusLabels } from "@/runtime/definition/labels";

const CHINA = "Asia/Shanghai";

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-11-27 09:16` (China time). */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return "—";
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: CHINA,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** `HH:mm:ss` (China time), for save indicators. */
export function formatTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return "";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: CHINA, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(date);
}

/** The China date `YYYY-MM-DD` of an instant. */
export function chinaDate(value: string | Date | null | undefined): string | null {
  const date = toDate(value);
  if (!date) return null;
  return new Intl.DateTimeFormat("sv-SE", { timeZone: CHINA }).format(date);
}

/** `2026年11月27日` from `YYYY-MM-DD` or an instant (official-letter style). */
export function formatChineseDate(value: string | Date | null | undefined): string {
  const iso = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(value);
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Whether a deadline has passed: the server's own `overdue` flag when it sends one (it runs
 * on the case clock), otherwise the due date against today in China.
 */
export function isOverdue(item: { dueDate: string | null; overdue?: boolean }, today: string): boolean {
  if (typeof item.overdue === "boolean") return item.overdue;
  return item.dueDate !== null && item.dueDate < today;
}

/** Today in China, `YYYY-MM-DD`. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: CHINA }).format(new Date());
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type CaseStatus = ApplicationStatus;

export function caseStatusLabel(status: string): string {
  return applicationStatusLabels[status as CaseStatus] ?? status;
}

/** Whether a case is closed (no more work on it). */
export function isClosedStatus(status: string): boolean {
  return status === "completed" || status === "refused" || status === "terminated" || status === "withdrawn";
}

const limitUnits: Record<string, string> = { workday: "个工作日", day: "日" };

/** `15个工作日` from a calendar limit. */
export function formatLimit(limit: { days: number | null; unit: string | null } | null | undefined): string {
  if (!limit || limit.unit === null) return "—";
  if (limit.unit === "instant") return "即时办结";
  if (limit.days === null) return "—";
  return `${limit.days}${limitUnits[limit.unit] ?? "日"}`;
}

/** A random idempotency key (crypto.randomUUID where available, a random hex string otherwise). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
