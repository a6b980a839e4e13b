"use client";
/**
 * The site header: navigation by role, 我的办件, 消息 with the unread count, the user, sign-out.
 * Pages rendered per user pass their account (or null when nobody is signed in). The catalogue
 * pages every visitor shares (办事大厅, guides: served from the page cache, signed in or not —
 * runtime/features/catalogue/pageCache.ts) carry no user data, so there the header asks who is
 * signed in once the page has loaded (`"deferred"`).
 */
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Area } from "@/runtime/auth/roles";
import { useTRPC } from "../_trpc/client";
import { SignOutButton } from "./SignOutButton";
import { NavLink } from "./NavLink";
import { headerAccount, type HeaderAccount } from "./headerAccount";

const areaLinks: Record<Area, { href: string; label: string }> = {
  hall: { href: "/hall", label: "办事大厅" },
  workbench: { href: "/workbench", label: "工作台" },
  dashboard: { href: "/workbench/dashboard", label: "统计分析" },
  designer: { href: "/designer", label: "设计器" },
  calendar: { href: "/calendar", label: "工作日历" },
  accounts: { href: "/admin/users", label: "账号管理" },
};

/** The account of a shared page's visitor, asked of the server after load; undefined until known. */
function useVisitor(enabled: boolean): HeaderAccount | null | undefined {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled, staleTime: 30_000 });
  if (!enabled || me.isPending) return undefined;
  return me.data?.user ? headerAccount(me.data.user, me.data.unread) : null;
}

export function SiteHeader({ account: given }: { account: HeaderAccount | null | "deferred" }) {
  const deferred = given === "deferred";
  const visitor = useVisitor(deferred);
  const account = deferred ? visitor : given;
  const areas = account?.areas ?? (["hall"] as Area[]);
  return (
    <header className="border-b bg-background print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-primary">
          人社公共服务平台
        </Link>
        <nav aria-label="主导航" className="flex-1">
          <ul className="flex flex-wrap gap-1">
            {areas.map((area) => (
              <li key={area}>
                <NavLink href={areaLinks[area].href} others={areas.map((a) => areaLinks[a].href)}>{areaLinks[area].label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {account === undefined ? (
          // Not known yet (a shared page, just loaded): neither 登录 nor a name, in the space they take.
          <span className="h-8" aria-hidden="true" />
        ) : account ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {account.applicant && (
              <Link href="/cases" className="rounded-md px-2 py-1.5 font-medium text-primary hover:bg-muted">
                我的办件
              </Link>
            )}
            <Link href="/messages" className="rounded-md px-2 py-1.5 font-medium text-primary hover:bg-muted" data-testid="messages-link">
              消息
              {account.unread > 0 && (
                <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs text-white" data-testid="unread-count">
                  {account.unread > 99 ? "99+" : account.unread}
                  <span className="sr-only"> 条未读</span>
                </span>
              )}
            </Link>
            <span>
              <span className="font-medium" data-testid="current-user">{account.displayName}</span>
              <span className="ml-2 hidden text-muted-foreground sm:inline">{account.identity}</span>
            </span>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/login" className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground hover:opacity-90">
            登录
          </Link>
        )}
      </div>
    </header>
  );
}
