import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed bg-background px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-2 text-sm text-muted-foreground">{children}</div>}
    </div>
  );
}

export function Forbidden() {
  return (
    <EmptyState title="无权访问">
      您当前的账号没有访问此页面的权限。如需开通，请联系所在单位的管理员。
    </EmptyState>
  );
}
