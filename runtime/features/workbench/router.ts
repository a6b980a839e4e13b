import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { listInbox } from "./inbox";
import { actOnTask, caseForStaff, claimTask, pauseOrResume, releaseTask } from "./caseWork";

const workers = ["caseworker", "reviewer"] as const;
const worker = staffProcedure(workers);
const id = z.string().min(1).max(120);

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

  case: worker.input(z.object({ id })).query(({ ctx, input }) => caseForStaff(ctx.db, ctx.user, input.id)),

  claim: worker.input(z.object({ taskId: id })).mutation(({ ctx, input }) => claimTask(ctx.db, ctx.user, input.taskId)),

  release: worker.input(z.object({ taskId: id })).mutation(({ ctx, input }) => releaseTask(ctx.db, ctx.user, input.taskId)),

  act: worker
    .input(
      z.object({
        applicationId: id,
        taskId: id,
        actionId: z.string().min(1).max(64),
        comment: z.string().max(2000).optional(),
        correctionItems: z.array(z.string().max(500)).max(100).optional(),
        rowVersion: z.number().int().positive(),
      }),
    )
    .mutation(({ ctx, input }) => actOnTask(ctx.db, ctx.user, input)),

  pause: worker
    .input(z.object({ applicationId: id, reason: z.string().trim().min(1, "请填写中止原因").max(1000), rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => pauseOrResume(ctx.db, ctx.user, { ...input, kind: "pause" })),

  resume: worker
    .input(z.object({ applicationId: id, reason: z.string().trim().max(1000).optional(), rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => pauseOrResume(ctx.db, ctx.user, { ...input, kind: "resume" })),
});
