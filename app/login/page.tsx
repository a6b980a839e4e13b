import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { oidcConfigured } from "@/runtime/features/accounts/oidcConfig";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "登录" };
// Whether single sign-on is offered is read from the environment at run time, not at build.
export const dynamic = "force-dynamic";

const oidcMessages: Record<string, string> = {
  expired: "统一身份认证登录已超时或已在其他窗口完成，请重新登录。",
  failed: "统一身份认证登录未能完成，请重试，或使用账号密码登录。",
  denied: "您已取消统一身份认证登录。",
  disabled: "该账号已停用，请联系客服。",
  staff: "工作人员账号不能通过统一身份认证登录，请使用账号密码登录。",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { oidc } = await searchParams;
  const oidcProblem = typeof oidc === "string" ? oidcMessages[oidc] : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold">登录</h1>
      {oidcProblem && (
        <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-red-50 px-3 py-2 text-sm text-red-900">
          {oidcProblem}
        </p>
      )}
      <div className="rounded-lg border bg-background p-6 shadow-sm">
        <Suspense>
          <SignInForm />
        </Suspense>
        <p className="mt-4 flex justify-between text-sm">
          <Link href="/register" className="font-medium text-primary underline underline-offset-2">注册账号</Link>
          <Link href="/reset-password" className="font-medium text-primary underline underline-offset-2">找回密码</Link>
        </p>
        {oidcConfigured() && (
          <div className="mt-4 border-t pt-4">
            {/* A navigation to the provider, so a link styled as a button. */}
            <a href="/auth/oidc/start" className="block w-full rounded-md border border-primary px-4 py-2 text-center font-medium text-primary hover:bg-muted">
              使用政务服务统一身份认证登录
            </a>
          </div>
        )}
      </div>
      <p className="mt-4 text-sm text-muted-foreground">
        未登录也可以在办事大厅查看各服务事项的办事指南。
      </p>
    </div>
  );
}
