/** 办事大厅 → 申请: the applicant's procedures. */
import { z } from "zod";
import { router, applicantProcedure, authedProcedure, publicProcedure } from "@/runtime/trpc/init";
import { boundedJson } from "@/runtime/trpc/boundedJson";
import { getPublishedService } from "../catalogue/service";
import { officesForService } from "./serviceAtOffice";
import { answerCorrection } from "./correction";
import { removeAttachment, saveDraft, startDraft } from "./drafts";
import { applicationDetail, myApplications } from "./reading";
import { submitApplication, submitDirect } from "./submission";
import { withdrawApplication } from "./withdrawal";
import { caseDocument } from "./documents";

const id = z.string().min(1).max(64);
/** An applicant's place (a league or banner id); an unknown one is the region. */
const place = z.string().min(1).max(12);
/** What an applicant types into a service's forms: at most 16 levels and about 512 KB. */
const formsData = boundedJson(z.record(z.string().max(64), z.record(z.string().max(200), z.unknown())), { what: "表单数据", maxDepth: 16, maxChars: 512 * 1024 });

export const applicationsRouter = router({
  /** The offices that may handle the service as it applies at the applicant's place (none: the region). */
  offices: publicProcedure.input(z.object({ code: z.string().min(1).max(80), place: place.optional() })).query(async ({ ctx, input }) => {
    return officesForService(ctx.db, await getPublishedService(ctx.db, input.code, input.place));
  }),

  startDraft: applicantProcedure
    .meta({ audit: ["create"] })
    .input(z.object({ code: z.string().min(1).max(80), officeId: z.string().min(1).max(12), versionId: id.optional() }))
    .mutation(({ ctx, input }) => startDraft(ctx.db, ctx.user, input.code, input.officeId, input.versionId)),

  get: applicantProcedure.input(z.object({ id })).query(({ ctx, input }) => applicationDetail(ctx.db, ctx.user, input.id)),

  saveDraft: applicantProcedure
    .meta({ audit: ["saveDraft"] })
    .input(z.object({ id, formData: formsData, rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input.id, input.formData, input.rowVersion)),

  removeAttachment: applicantProcedure
    .meta({ audit: ["detach"] })
    .input(z.object({ id, attachmentId: id }))
    .mutation(({ ctx, input }) => removeAttachment(ctx.db, ctx.user, input.id, input.attachmentId)),

  submit: applicantProcedure
    .meta({ audit: ["submit"] })
    .input(z.object({ id, idempotencyKey: z.string().min(8).max(100) }))
    .mutation(({ ctx, input }) => submitApplication(ctx.db, ctx.user, input.id, input.idempotencyKey)),

  submitDirect: applicantProcedure
    .meta({ audit: ["submit"] })
    .input(
      z.object({
        code: z.string().min(1).max(80),
        officeId: z.string().min(1).max(12),
        versionId: id.optional(),
        formData: formsData,
        idempotencyKey: z.string().min(8).max(100),
      }),
    )
    .mutation(({ ctx, input }) => submitDirect(ctx.db, ctx.user, input)),

  mine: applicantProcedure.query(({ ctx }) => myApplications(ctx.db, ctx.user)),

  answerCorrection: applicantProcedure
    .meta({ audit: ["act:*"] })
    .input(z.object({ id, formData: formsData, rowVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) => answerCorrection(ctx.db, ctx.user, input.id, input.formData, input.rowVersion)),

  withdraw: applicantProcedure
    .meta({ audit: ["withdraw", "deleteDraft"] })
    .input(z.object({ id, reason: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) => withdrawApplication(ctx.db, ctx.user, input.id, input.reason)),

  document: authedProcedure
    .input(z.object({ id, kind: z.enum(["receipt", "decision"]) }))
    .query(({ ctx, input }) => caseDocument(ctx.db, ctx.user, input.id, input.kind)),
});
