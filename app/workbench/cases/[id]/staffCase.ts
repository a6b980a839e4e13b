/** What the parts of the staff case page share: the case they show, role names, and conflicts. */
import type { StaffCase } from "@/app/_components/types";

export type Task = NonNullable<StaffCase["currentTask"]>;

export const roleLabels: Record<string, string> = { caseworker: "经办人员", reviewer: "复核人员", applicant: "申请人" };

interface TrpcLikeError {
  data?: { code?: string } | null;
}

/** Whether a failed call was refused because the case changed underneath (someone else acted). */
export const isConflict = (e: unknown) => (e as TrpcLikeError | null)?.data?.code === "CONFLICT";

/** Called after an action went through, with the confirmation to show. */
export type OnDone = (message: string) => Promise<void>;
