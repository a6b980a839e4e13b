/** 办事大厅 catalogue: published services and their guides as they apply at a place, readable without signing in. */
import { z } from "zod";
import { router, publicProcedure } from "@/runtime/trpc/init";
import { getPublishedService, listPublishedServices } from "./service";

/** An applicant's place (a league or banner id): the catalogue as it applies there. Unknown or none: the region's. */
const place = z.string().min(1).max(12);

export const catalogueRouter = router({
  list: publicProcedure
    .input(z.object({ search: z.string().trim().max(100).optional(), place: place.optional() }).optional())
    .query(({ ctx, input }) => listPublishedServices(ctx.db, input?.search, input?.place)),

  get: publicProcedure
    .input(z.object({ code: z.string().min(1).max(80), place: place.optional() }))
    .query(({ ctx, input }) => getPublishedService(ctx.db, input.code, input.place)),
});
