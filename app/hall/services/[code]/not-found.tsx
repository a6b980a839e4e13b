import Link from "next/link";
import { EmptyState } from "@/app/_components/EmptyState";

export default function ServiceNotFound() {
  return (
    <EmptyState title="没有找到该服务事项">
      该事项可能已调整或尚未发布。<Link href="/hall" className="text-primary underline">返回办事大厅</Link>查找其他事项。
    </EmptyState>
  );
}
