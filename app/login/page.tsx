import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "登录" };

export default function LoginPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold">登录</h1>
      <div className="rounded-lg border bg-background p-6 shadow-sm">
        <Suspense>
          <SignInForm />
        </Suspense>
      </div>
      <p className="mt-4 text-sm text-muted-foreground">
        未登录也可以在办事大厅查看各服务事项的办事指南。
      </p>
    </div>
  );
}
