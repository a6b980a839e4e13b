"use client";
/**
 * 办件查询: the cases of one's own offices and, for region and league staff, read-only those of
 * the offices below (监督), filtered by office (that office and those under it).
 */
import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { EmptyState } from "../_components/EmptyState";
import { ToggleGroup } from "../_components/ToggleGroup";
import { CaseLink, cardCell } from "./_parts/CaseCells";
import { StatusBadge } from "../_components/StatusBadge";
import { formatDateTime } from "../_components/format";

const statuses = [
  { value: undefined, label: "全部办件" },
  { value: "open", label: "在办" },
  { value: "closed", label: "已办结" },
] as const;

/** The first filters come from the address (统计分析 links here with `?officeId=…&status=…&search=…`). */
export function OfficeCases({ initial = {} }: { initial?: { officeId?: string; status?: "open" | "closed"; search?: string } }) {
  const trpc = useTRPC();
  const [officeId, setOfficeId] = useState(initial.officeId ?? "");
  const [status, setStatus] = useState<(typeof statuses)[number]["value"]>(initial.status);
  const [search, setSearch] = useState(initial.search ?? "");
  const officeSelect = useId();
  const query = useQuery(trpc.workbench.cases.queryOptions({ officeId: officeId || undefined, status, search: search || undefined }));
  const offices = query.data?.offices ?? [];
  return (
    <div className="mt-3">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={officeSelect} className="flex items-center gap-2 text-sm">
          <span>经办机构</span>
        </label>
        <select id={officeSelect} value={officeId} onChange={(e) => setOfficeId(e.target.value)} className="rounded-md border border-input bg-background px-3 py-1.5 text-sm">
          <option value="">全部（本单位及下级）</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {"　".repeat(o.depth)}
              {o.name}
            </option>
          ))}
        </select>
        <ToggleGroup label="办件状态" options={statuses} value={status} onChange={setStatus} />
        <label className="flex items-center gap-2 text-sm">
          <span>搜索</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="办件编号、事项或申请人" className="rounded-md border border-input bg-background px-3 py-1.5" />
        </label>
      </div>
      {query.isError && <p role="alert" className="mt-4 text-destructive">{errorMessage(query.error)}</p>}
      {query.isPending && <p className="mt-4 text-muted-foreground">正在加载…</p>}
      {query.data && query.data.cases.length === 0 && (
        <div className="mt-4">
          <EmptyState title="没有符合条件的办件">换一个经办机构或状态试试。</EmptyState>
        </div>
      )}
      {query.data && query.data.cases.length > 0 && (
        <table className="mt-4 w-full border-collapse overflow-hidden rounded-lg bg-background text-sm max-sm:block" data-testid="office-cases">
          <caption className="sr-only">办件</caption>
          <thead className="max-sm:sr-only">
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">办件编号</th>
              <th scope="col" className="px-3 py-2">事项</th>
              <th scope="col" className="px-3 py-2">经办机构</th>
              <th scope="col" className="px-3 py-2">申请人</th>
              <th scope="col" className="px-3 py-2">提交时间</th>
              <th scope="col" className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {query.data.cases.map((c) => (
              <tr key={c.id} className="border-b last:border-0 max-sm:block max-sm:py-2">
                <td data-label="办件编号" className={cardCell}>
                  <CaseLink applicationId={c.id} caseNumber={c.caseNumber} />
                </td>
                <td data-label="事项" className={cardCell}>
                  {c.serviceTitle}
                  {c.versionLabel && c.versionLabel !== "自治区版本" && <span className="ml-1 text-xs text-muted-foreground">（{c.versionLabel}）</span>}
                </td>
                <td data-label="经办机构" className={cardCell}>{c.officeName}</td>
                <td data-label="申请人" className={cardCell}>{c.applicantName}</td>
                <td data-label="提交时间" className={cardCell}>{formatDateTime(c.submittedAt)}</td>
                <td data-label="状态" className={cardCell}>
                  <StatusBadge status={c.status} />
                  {c.readOnly && <span className="ml-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs font-semibold text-white" title="上级监督：只能查看，不能办理">只读</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.data?.truncated && <p className="mt-2 text-sm text-muted-foreground">仅显示最近 200 件，请用经办机构、状态或搜索缩小范围。</p>}
    </div>
  );
}
