/** 校验与共享 in the workbench: run the step's checks, check by hand, override with a reason. */
import { z } from "zod";
import { applicantProcedure, router, staffProcedure } from "@/runtime/trpc/init";
import { consentToReuse, overrideCheck, recordManualCheck, runStepChecks, sharedMaterialsForApplicant } from "./service";

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

  /** The applicant's case: how its shareable materials will be obtained, and earlier ones they may agree to reuse. */
  sharedMaterials: applicantProcedure.input(z.object({ applicationId: id })).query(({ ctx, input }) => sharedMaterialsForApplicant(ctx.db, ctx.user, input.applicationId)),

  /** The applicant agrees to the reuse of a material from an earlier case of theirs. */
  consent: applicantProcedure
    .meta({ audit: ["material.consent"] })
    .input(z.object({ applicationId: id, materialId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => consentToReuse(ctx.db, ctx.user, input)),
});
