/** 内控稽核: samples of completed cases and the auditors' findings; for 稽核人员 only. */
import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { auditableOffices, drawAuditSample, FINDING_VERDICTS, listSamples, officeFindings, recordFinding, sampleDetail } from "./sampling";

const auditor = staffProcedure(["auditor"]);
const id = z.string().min(1).max(120);
const officeId = z.string().min(1).max(12);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

export const internalAuditRouter = router({
  offices: auditor.query(({ ctx }) => auditableOffices(ctx.db, ctx.user)),
  samples: auditor.query(({ ctx }) => listSamples(ctx.db, ctx.user)),
  sample: auditor.input(z.object({ id })).query(({ ctx, input }) => sampleDetail(ctx.db, ctx.user, input.id)),
  findings: auditor.input(z.object({ officeId })).query(({ ctx, input }) => officeFindings(ctx.db, ctx.user, input.officeId)),

  drawSample: auditor
    .meta({ audit: ["auditSample.draw"] })
    .input(z.object({ officeId, periodFrom: day, periodTo: day, size: z.number().int().min(1, "抽查件数至少为 1").max(100, "每批最多抽查 100 件") }))
    .mutation(({ ctx, input }) => drawAuditSample(ctx.db, ctx.user, input)),

  recordFinding: auditor
    .meta({ audit: ["auditFinding.record"] })
    .input(z.object({ sampleId: id, applicationId: id, verdict: z.enum(FINDING_VERDICTS), text: z.string().trim().min(1, "请填写稽核意见").max(2000) }))
    .mutation(({ ctx, input }) => recordFinding(ctx.db, ctx.user, input)),
});
