/** 告知承诺制: the applicant's choice on a draft, the office's 事后核查 list and its verdicts. */
import { z } from "zod";
import { applicantProcedure, router, staffProcedure } from "@/runtime/trpc/init";
import { commitmentsOfMyCase, followUpList, setCommitment, SETTLED_OUTCOMES, settleCommitment } from "./service";

const id = z.string().min(1).max(120);
const worker = staffProcedure(["caseworker", "reviewer"]);

export const commitmentsRouter = router({
  set: applicantProcedure
    .meta({ audit: ["commitment.set", "commitment.withdraw"] })
    .input(z.object({ applicationId: id, materialId: z.string().min(1).max(64), commit: z.boolean() }))
    .mutation(({ ctx, input }) => setCommitment(ctx.db, ctx.user, input)),

  ofCase: applicantProcedure.input(z.object({ applicationId: id })).query(({ ctx, input }) => commitmentsOfMyCase(ctx.db, ctx.user, input.applicationId)),

  followUps: worker
    .input(z.object({ status: z.enum(["committed", ...SETTLED_OUTCOMES]).optional() }).optional())
    .query(({ ctx, input }) => followUpList(ctx.db, ctx.user, input ?? {})),

  settle: worker
    .meta({ audit: ["commitment.settle"] })
    .input(z.object({ commitmentId: id, outcome: z.enum(SETTLED_OUTCOMES), note: z.string().trim().max(1000).optional() }))
    .mutation(({ ctx, input }) => settleCommitment(ctx.db, ctx.user, input)),
});
