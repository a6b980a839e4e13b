import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { router, staffProcedure, userProcedure } from "@/runtime/trpc/init";
import { readsCases } from "@/runtime/auth/roles";
import { listOfficeCases } from "./officeCases";
import { listInbox } from "./inbox";
import { dashboardFigures } from "../dashboard/figures";
import { exportDashboardTable } from "../dashboard/exports";
import { TABLE_IDS } from "../dashboard/tables";
import { actOnTask, caseForStaff, claimTask, pauseOrResume, releaseTask } from "./caseWork";

const workers = ["caseworker", "reviewer"] as const;
const worker = staffProcedure(workers);
const id = z.string().min(1).max(120);
/** Who reads cases: caseworkers and reviewers (their offices'), and region and league staff (监督, the offices below them). */
const reader = userProcedure((user) => {
  if (!readsCases(user)) throw new TRPCError({ code: "FORBIDDEN", message: "您没有执行此操作的权限" });
});

export const workbenchRouter = router({
  inbox: worker
    .input(
      z
        .object({
          status: z.enum(["open", "claimed", "mine"]).optional(),
          search: z.string().trim().max(100).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.user, input ?? {})),

  /** 办件查询: the cases of one's offices, and read-only those of the offices below (监督). */
  cases: reader
    .input(
      z
        .object({
          officeId: z.string().min(1).max(12).optional(),
          status: z.enum(["open", "closed"]).optional(),
          search: z.string().trim().max(100).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listOfficeCases(ctx.db, ctx.user, input ?? {})),

  /** 统计分析: the figures of one's offices and those below (the 办件查询 scope). */
  dashboard: reader
    .input(z.object({ officeId: z.string().min(1).max(12).optional() }).optional())
    .query(({ ctx, input }) => dashboardFigures(ctx.db, ctx.user, input ?? {})),

  /** One table of the dashboard as a CSV or Excel file. */
  dashboardExport: reader
    .input(z.object({ officeId: z.string().min(1).max(12).optional(), table: z.enum(TABLE_IDS), format: z.enum(["csv", "xlsx"]) }))
    .query(({ ctx, input }) => exportDashboardTable(ctx.db, ctx.user, input)),

  case: reader.input(z.object({ id })).query(({ ctx, input }) => caseForStaff(ctx.db, ctx.user, input.id)),

  claim: worker.meta({ audit: ["claim"] }).input(z.object({ taskId: id })).mutation(({ ctx, input }) => claimTask(ctx.db, ctx.user, input.taskId)),

  release: worker.meta({ audit: ["release"] }).input(z.object({ taskId: id })).mutation(({ ctx, input }) => releaseTask(ctx.db, ctx.user, input.taskId)),

  act: worker
    .meta({ audit: ["act:*"] })
    .input(
      z.object({
        applicationId: id,
        taskId: id,
        actionId: z.string().min(1).max(64),
        comment: z.string().max(2000).optional(),
        correctionItems: z.array(z.string().max(500)).max(100).optional(),
        /** 一次性告知: the forms the applicant must correct (ids), opened to the 补正. */
        correctionForms: z.array(z.string().min(1).max(64)).max(50).optional(),
        outcomeId: z.string().min(1).max(64).optional(),
        amount: z.string().max(20).optional(),
        confirmedRisks: z.array(z.string().min(1).max(40)).max(200).optional(),
        rowVersion: z.number().int().positive(),
      }),
    )
    .mutation(({ ctx, input }) => actOnTask(ctx.db, ctx.user, input)),

  pause: worker
    .meta({ audit: ["pause"] })
    .input(z.object({ applicationId: id, reason: z.string().trim().min(1, "请填写中止原因").max(1000), rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => pauseOrResume(ctx.db, ctx.user, { ...input, kind: "pause" })),

  resume: worker
    .meta({ audit: ["resume"] })
    .input(z.object({ applicationId: id, reason: z.string().trim().max(1000).optional(), rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => pauseOrResume(ctx.db, ctx.user, { ...input, kind: "resume" })),
});
