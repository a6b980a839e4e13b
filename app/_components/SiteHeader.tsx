import Link from "next/link";
import { areasFor, type SessionUser, type Area } from "@/runtime/auth/roles";
import { staffRoleLabels } from "@/runtime/definition/labels";
import { SignOutButton } from "./SignOutButton";
import { NavLink } from "./NavLink";

const areaLinks: Record<Area, { href: string; label: string }> = {
  hall: { href: "/hall", label: "办事大厅" },
  workbench: { href: "/workbench", label: "工作台" },
  dashboard: { href: "/workbench/dashboard", label: "统计分析" },
  designer: { href: "/designer", label: "设计器" },
  calendar: { href: "/calendar", label: "工作日历" },
  accounts: { href: "/admin/users", label: "账号管理" },
};

function identity(user: SessionUser): string {
  if (user.kind === "person") return "个人用户";
  if (user.kind === "organisation") return "单位用户";
  const m = user.memberships[0];
  return m ? `${m.organisationName} · ${staffRoleLabels[m.role]}` : "工作人员";
}

/** `unread`: the signed-in user's unread messages (消息). */
export function SiteHeader({ user, unread = 0 }: { user: SessionUser | null; unread?: number }) {
  const areas = areasFor(user);
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
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {user.kind !== "staff" && (
              <Link href="/cases" className="rounded-md px-2 py-1.5 font-medium text-primary hover:bg-muted">
                我的办件
              </Link>
            )}
            <Link href="/messages" className="rounded-md px-2 py-1.5 font-medium text-primary hover:bg-muted" data-testid="messages-link">
              消息
              {unread > 0 && (
                <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs text-white" data-testid="unread-count">
                  {unread > 99 ? "99+" : unread}
                  <span className="sr-only"> 条未读</span>
                </span>
              )}
            </Link>
            <span>
              <span className="font-medium" data-testid="current-user">{user.displayName}</span>
              <span className="ml-2 hidden text-muted-foreground sm:inline">{identity(user)}</span>
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
