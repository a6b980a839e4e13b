/** 登录 / 退出 / 当前用户 */
import { z } from "zod";
import { router, publicProcedure } from "@/runtime/trpc/init";
import { checkCredentials, endSession, recordSignIn } from "@/runtime/auth/session";
import { writeWithPrisma } from "@/runtime/write";
import { CSRF_COOKIE, SESSION_COOKIE, serializeCookie } from "@/runtime/auth/cookies";
import { areasFor } from "@/runtime/auth/roles";
import { unreadCount } from "@/runtime/features/notifications/messages";

const secureCookies = process.env.COOKIE_SECURE === "1";

export const authRouter = router({
  /** Who is signed in, what their navigation shows and their unread messages (the site header of shared pages: one call). */
  me: publicProcedure.query(async ({ ctx }) =>
    ctx.user ? { user: ctx.user, areas: areasFor(ctx.user), unread: await unreadCount(ctx.db, ctx.user.id) } : { user: null, areas: areasFor(null), unread: 0 },
  ),

  signIn: publicProcedure
    // One attempt per request: refused inside a batch (runtime/trpc/init.ts), so its cost is one password check.
    .meta({ audit: ["signIn", "signInFailed"], unbatched: true })
    .input(
      z.object({
        username: z.string().trim().min(1, "请输入用户名").max(64),
        password: z.string().min(1, "请输入密码").max(256),
        signOutOthers: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const attempt = { username: input.username, password: input.password, ip: ctx.ip, userAgent: ctx.userAgent };
      const check = await checkCredentials(ctx.db, attempt);
      const outcome = await writeWithPrisma(ctx.db, check.ok ? check.user : null, async ({ tx, audit }) => {
        const result = await recordSignIn(tx, attempt, check, { signOutOthers: input.signOutOthers });
        if (result.ok) {
          audit.record({ action: "signIn", entityType: "user", entityId: result.session.user.id, payload: result.endedOthers ? { endedOtherSessions: result.endedOthers } : undefined });
        } else {
          const entityId = result.userId ?? input.username;
          audit.record({ action: "signInFailed", entityType: "user", entityId, actorRole: "anonymous", payload: { username: input.username, reason: result.reason, ip: ctx.ip } });
        }
        return result;
      });
      if (!outcome.ok) throw outcome.error;
      const issued = outcome.session;
      const maxAge = (issued.expiresAt.getTime() - Date.now()) / 1000;
      ctx.setCookie(serializeCookie(SESSION_COOKIE, issued.token, { maxAgeSeconds: maxAge, httpOnly: true, secure: secureCookies }));
      ctx.setCookie(serializeCookie(CSRF_COOKIE, issued.csrfToken, { maxAgeSeconds: maxAge, httpOnly: false, secure: secureCookies }));
      return { user: issued.user, areas: areasFor(issued.user) };
    }),

  signOut: publicProcedure.meta({ audit: ["signOut"] }).mutation(async ({ ctx }) => {
    await writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
      const ended = await endSession(tx, ctx.sessionToken);
      if (ended && ctx.user) audit.record({ action: "signOut", entityType: "user", entityId: ctx.user.id });
      else audit.unchanged();
    });
    ctx.setCookie(serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true, secure: secureCookies }));
    ctx.setCookie(serializeCookie(CSRF_COOKIE, "", { maxAgeSeconds: 0, httpOnly: false, secure: secureCookies }));
    return { ok: true };
  }),
});
