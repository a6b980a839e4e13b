/** 登录 / 退出 / 当前用户 */
import { z } from "zod";
import { router, publicProcedure } from "@/runtime/trpc/init";
import { signIn, signOut } from "@/runtime/auth/session";
import { CSRF_COOKIE, SESSION_COOKIE, serializeCookie } from "@/runtime/auth/cookies";
import { areasFor } from "@/runtime/auth/roles";

const secureCookies = process.env.COOKIE_SECURE === "1";

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) =>
    ctx.user ? { user: ctx.user, areas: areasFor(ctx.user) } : { user: null, areas: areasFor(null) },
  ),

  signIn: publicProcedure
    .input(
      z.object({
        username: z.string().trim().min(1, "请输入用户名").max(64),
        password: z.string().min(1, "请输入密码").max(256),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const issued = await signIn(ctx.db, { ...input, ip: ctx.ip, userAgent: ctx.userAgent });
      const maxAge = (issued.expiresAt.getTime() - Date.now()) / 1000;
      ctx.setCookie(serializeCookie(SESSION_COOKIE, issued.token, { maxAgeSeconds: maxAge, httpOnly: true, secure: secureCookies }));
      ctx.setCookie(serializeCookie(CSRF_COOKIE, issued.csrfToken, { maxAgeSeconds: maxAge, httpOnly: false, secure: secureCookies }));
      await ctx.db.auditEvent.create({
        data: { actorId: issued.user.id, entityType: "user", entityId: issued.user.id, action: "signIn", actorRole: issued.user.kind },
      });
      return { user: issued.user, areas: areasFor(issued.user) };
    }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.sessionToken);
    ctx.setCookie(serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true, secure: secureCookies }));
    ctx.setCookie(serializeCookie(CSRF_COOKIE, "", { maxAgeSeconds: 0, httpOnly: false, secure: secureCookies }));
    if (ctx.user) {
      await ctx.db.auditEvent.create({
        data: { actorId: ctx.user.id, entityType: "user", entityId: ctx.user.id, action: "signOut", actorRole: ctx.user.kind },
      });
    }
    return { ok: true };
  }),
});
