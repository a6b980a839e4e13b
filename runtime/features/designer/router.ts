import { z } from "zod";
import { router, staffProcedure } from "../../trpc/init";
import { listDesignerServices } from "./serviceList";

const admins = ["region_admin", "office_admin"] as const;

export const designerRouter = router({
  list: staffProcedure(admins)
    .input(z.object({ search: z.string().trim().max(100).optional() }).optional())
    .query(({ ctx, input }) => listDesignerServices(ctx.db, ctx.user, input?.search)),
});
