"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A link of the main navigation, marked current on its pages — except those another link of the navigation (`others`) leads to more precisely. */
export function NavLink({ href, others = [], children }: { href: string; others?: string[]; children: ReactNode }) {
  const pathname = usePathname();
  const within = (h: string) => pathname === h || pathname.startsWith(`${h}/`);
  const active = within(href) && !others.some((o) => o.length > href.length && within(o));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-accent font-medium text-accent-foreground" : "hover:bg-muted"}`}
    >
      {children}
    </Link>
  );
}
