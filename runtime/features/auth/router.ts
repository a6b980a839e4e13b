/** 登录 / 退出 / 当前用户 */
import { z } from "zod";
import { router, publicProcedure } from "@/runtime/trpc/init";
import { checkCredentials, endSession, recordSignIn } from "@/runtime/auth/session";
import { writeWithPrisma } from "@/runtime/write";
import { CSRF_COOKIE, SESSION_COOKIE, serializeCookie } from "@/runtime/auth/cookies";
import { areasFor } from "@/runtime/auth/roles";

const secureCookies = process.env.COOKIE_SECURE === "1";

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) =>
    ctx.user ? { user: ctx.user, areas: areasFor(ctx.user) } : { user: null, areas: areasFor(null) },
  ),

  signIn: publicProcedure
    .meta({ audit: ["signIn", "signInFailed"] })
    .input(
      z.object({
        username: z.string().trim().min(1, "请输入用户名").max(64),
        password: z.string().min(1, "请输入密码").max(256),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const attempt = { ...input, ip: ctx.ip, userAgent: ctx.userAgent };
      const check = await checkCredentials(ctx.db, attempt);
      const actor = check.ok ? check.user : null;
      const issued = await writeWithPrisma(ctx.db, actor, async ({ tx, audit }) => {
        const session = await recordSignIn(tx, attempt, check);
        const entityId = check.ok ? check.user.id : (check.userId ?? input.username);
        if (check.ok) audit.record({ action: "signIn", entityType: "user", entityId });
        else audit.record({ action: "signInFailed", entityType: "user", entityId, actorRole: "anonymous", payload: { username: input.username, reason: check.reason, ip: ctx.ip } });
        return session;
      });
      if (!check.ok || !issued) throw check.ok ? new Error("sign-in recorded without a session") : check.error;
      const maxAge = (issued.expiresAt.getTime() - Date.now()) / 1000;
      ctx.setCookie(serializeCookie(SESSION_COOKIE, issued.token, { maxAgeSeconds: maxAge, httpOnly: true, secure: secureCookies }));
      ctx.setCookie(serializeCookie(CSRF_COOKIE, issued.csrfToken, { maxAgeSeconds: maxAge, httpOnly: false, secure: secureCookies }));
      return { user: issued.user, areas: areasFor(issued.user) };
    }),

  signOut: publicProcedure.meta({ audit: ["signOut"] }).mutation(async ({ ctx }) => {
    await writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
      const ended = await endSession(ctx.db, tx, ctx.sessionToken);
      if (ended && ctx.user) audit.record({ action: "signOut", entityType: "user", entityId: ctx.user.id });
      else audit.unchanged();
    });
    ctx.setCookie(serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true, secure: secureCookies }));
    ctx.setCookie(serializeCookie(CSRF_COOKIE, "", { maxAgeSeconds: 0, httpOnly: false, secure: secureCookies }));
    return { ok: true };
  }),
});
