import Link from "next/link";
import { currentUser } from "./_lib/session";
import { areasFor } from "@/runtime/auth/roles";

const cards = {
  hall: { href: "/hall", title: "办事大厅", text: "查找服务事项，阅读办事指南，在线申请并跟踪办件进度。" },
  workbench: { href: "/workbench", title: "工作台", text: "处理本单位的待办任务：受理、一次性告知补正、审核、复核、办结。" },
  dashboard: { href: "/workbench/dashboard", title: "统计分析", text: "本单位及下级经办机构的受理、办结、按时办结率、超期与即将到期、一次性告知率，可下钻到办件并导出。" },
  designer: { href: "/designer", title: "设计器", text: "设计服务事项的办事指南、材料、流程与表单，预览、试运行并发布版本。" },
  calendar: { href: "/calendar", title: "工作日历", text: "维护法定节假日与调休上班日，办理期限据此按工作日计算。" },
  accounts: { href: "/admin/users", title: "账号管理", text: "为本单位工作人员开设账号，停用、启用账号，重设密码，退出其所有登录。" },
} as const;

export default async function HomePage() {
  const user = await currentUser();
  const areas = areasFor(user);
  return (
    <div>
      <h1 className="text-2xl font-semibold">内蒙古自治区人力资源和社会保障基本公共服务</h1>
      <p className="mt-2 text-muted-foreground">
        {user ? `您好，${user.displayName}。` : "欢迎使用。未登录也可以浏览办事指南；申请办理请先登录。"}
      </p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-3">
        {areas.map((area) => (
          <li key={area}>
            <Link href={cards[area].href} className="block h-full rounded-lg border bg-background p-5 hover:border-primary">
              <h2 className="text-lg font-medium text-primary">{cards[area].title}</h2>
              <p className="mt-2 text-sm text-muted-foreground">{cards[area].text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
