import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";
import { TrpcProvider } from "./_trpc/client";
import { SiteHeader } from "./_components/SiteHeader";
import { currentUser } from "./_lib/session";
import { getDb } from "@/runtime/db";
import { unreadCount } from "@/runtime/features/notifications/messages";
import { SHARED_PAGE_HEADER } from "@/runtime/features/catalogue/pageCache";
import { headerAccount } from "./_components/headerAccount";

export const metadata: Metadata = {
  title: { default: "人社公共服务平台", template: "%s · 人社公共服务平台" },
  description: "内蒙古自治区人力资源和社会保障领域基本公共服务 — 办事大厅、工作台与设计器",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The account the header shows; on the pages every visitor shares none is read (the browser asks). */
async function headerAccountOfRequest() {
  if ((await headers()).get(SHARED_PAGE_HEADER) === "1") return "deferred" as const;
  const user = await currentUser();
  return user ? headerAccount(user, await unreadCount(getDb(), user.id)) : null;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await headerAccountOfRequest();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
          跳到主要内容
        </a>
        <TrpcProvider>
          <SiteHeader account={account} />
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
            {children}
          </main>
        </TrpcProvider>
      </body>
    </html>
  );
}
