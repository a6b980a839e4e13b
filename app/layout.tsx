import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { TrpcProvider } from "./_trpc/client";
import { SiteHeader } from "./_components/SiteHeader";
import { currentUser } from "./_lib/session";
import { getDb } from "@/runtime/db";
import { unreadCount } from "@/runtime/features/notifications/messages";

export const metadata: Metadata = {
  title: { default: "人社公共服务平台", template: "%s · 人社公共服务平台" },
  description: "内蒙古自治区人力资源和社会保障领域基本公共服务 — 办事大厅、工作台与设计器",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const unread = user ? await unreadCount(getDb(), user.id) : 0;
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
          跳到主要内容
        </a>
        <TrpcProvider>
          <SiteHeader user={user} unread={unread} />
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
            {children}
          </main>
        </TrpcProvider>
      </body>
    </html>
  );
}
