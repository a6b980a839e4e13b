/** 消息: every signed-in user's messages; applicants' choice of channels. */
import { z } from "zod";
import { applicantProcedure, authedProcedure, router } from "@/runtime/trpc/init";
import { listMessages, markAllRead, markRead, unreadCount } from "./messages";
import { readPreferences, savePreferences } from "./preferences";

const email = z
  .string()
  .trim()
  .max(254, "电子邮箱最多 254 个字符")
  .transform((value) => value || null)
  .pipe(z.email({ message: "电子邮箱格式不正确" }).nullable());

export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ unreadOnly: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => listMessages(ctx.db, ctx.user, { unreadOnly: input?.unreadOnly })),

  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),

  markRead: authedProcedure
    .meta({ audit: ["notification.read"] })
    .input(z.object({ id: z.string().min(1).max(80) }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.id)),

  markAllRead: authedProcedure.meta({ audit: ["notification.readAll"] }).mutation(({ ctx }) => markAllRead(ctx.db, ctx.user)),

  preferences: applicantProcedure.query(({ ctx }) => readPreferences(ctx.db, ctx.user)),

  savePreferences: applicantProcedure
    .meta({ audit: ["notification.preferences"] })
    .input(z.object({ email, byEmail: z.boolean(), bySms: z.boolean() }))
    .mutation(({ ctx, input }) => savePreferences(ctx.db, ctx.user, input)),
});
