/** Output types of the procedures the pages call (end-to-end from the routers). */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/runtime/trpc/appRouter";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApplicationDetail = RouterOutputs["applications"]["get"];
export type StaffCase = RouterOutputs["workbench"]["case"];
export type TimelineItem = ApplicationDetail["timeline"][number];
export type AttachmentItem = ApplicationDetail["attachments"][number];
export type OfficeItem = RouterOutputs["applications"]["offices"][number];
export type CaseDocument = RouterOutputs["applications"]["document"];
export type EditorState = RouterOutputs["designer"]["get"];
export type VersionRow = RouterOutputs["designer"]["versions"][number];
export type DesignerServiceRow = RouterOutputs["designer"]["list"][number];
export type ServiceGroup = RouterOutputs["designer"]["groups"][number];
