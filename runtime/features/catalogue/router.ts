/** 办事大厅 catalogue: published services and their guides, readable without signing in. */
import { z } from "zod";
import { router, publicProcedure } from "@/runtime/trpc/init";
import { getPublishedService, listPublishedServices } from "./service";

export const catalogueRouter = router({
  list: publicProcedure
    .input(z.object({ search: z.string().trim().max(100).optional() }).optional())
    .query(({ ctx, input }) => listPublishedServices(ctx.db, input?.search)),

  get: publicProcedure
    .input(z.object({ code: z.string().min(1).max(80) }))
    .query(({ ctx, input }) => getPublishedService(ctx.db, input.code)),
});
