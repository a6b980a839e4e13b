import { z } from "zod";
import { router, staffProcedure } from "../../trpc/init";
import { listInbox } from "./inbox";

const workers = ["caseworker", "reviewer"] as const;

export const workbenchRouter = router({
  inbox: staffProcedure(workers)
    .input(
      z
        .object({
          status: z.enum(["open", "claimed", "mine"]).optional(),
          search: z.string().trim().max(100).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.user, input ?? {})),
});
