import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "@/runtime/trpc/init";
import { issuedDocument, verifyDocument } from "./read";

export const documentsRouter = router({
  /** One issued document, rendered: the case's applicant and the handling office's staff. */
  get: authedProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(({ ctx, input }) => issuedDocument(ctx.db, ctx.user, input.id)),

  /** 文书核验: anyone with the code sees the number, title, date and issuer (or 未找到: null). */
  verify: publicProcedure.input(z.object({ code: z.string().max(64) })).query(({ ctx, input }) => verifyDocument(ctx.db, input.code)),
});
