/** 校验与共享 in the workbench: run the step's checks, check by hand, override with a reason. */
import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { overrideCheck, recordManualCheck, runStepChecks } from "./service";

const worker = staffProcedure(["caseworker", "reviewer"] as const);
const id = z.string().min(1).max(120);
const item = z.string().min(1).max(1000);

export const checksRouter = router({
  /** Runs the current step's pre-checks and fetches its shared data (once; `retry`: again where the system was unavailable). */
  run: worker
    .meta({ audit: ["check.run", "sharedData.fetch", "material.reuse"] })
    .input(z.object({ applicationId: id, retry: z.boolean().optional() }))
    .mutation(({ ctx, input }) => runStepChecks(ctx.db, ctx.user, input.applicationId, { retry: input.retry })),

  manual: worker
    .meta({ audit: ["check.manual"] })
    .input(
      z.object({
        applicationId: id,
        kind: z.enum(["preCheck", "sharing", "material"]),
        item,
        passed: z.boolean(),
        note: z.string().trim().min(1, "请填写人工核验情况").max(1000),
      }),
    )
    .mutation(({ ctx, input }) => recordManualCheck(ctx.db, ctx.user, input)),

  override: worker
    .meta({ audit: ["check.override"] })
    .input(z.object({ applicationId: id, item, reason: z.string().trim().min(1, "请填写越过校验的理由").max(1000) }))
    .mutation(({ ctx, input }) => overrideCheck(ctx.db, ctx.user, input)),
});
