import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/EmptyState";
import { formatChineseDate, formatDateTime } from "@/app/_components/format";
import { OfficialLetter, Para, authorityName } from "@/app/documents/_parts/OfficialLetter";
import { loadDocument, type LoadedDocument } from "@/app/documents/_parts/load";

export const metadata: Metadata = { title: "办理结果文书" };
export const dynamic = "force-dynamic";

function Body({ doc }: { doc: LoadedDocument }) {
  const submitted = formatDateTime(doc.submittedAt);
  const closed = formatChineseDate(doc.closedAt);
  const reason = doc.outcomeReason?.trim();
  const intro = (
    <>
      您于{submitted}提交的“{doc.serviceTitle}”申请（办件编号：{doc.caseNumber}）
    </>
  );
  switch (doc.outcome) {
    case "refused":
      return (
        <>
          <Para>
            {intro}，经审查，<span data-testid="letter-reason">{reason ?? "不符合办理条件"}</span>。根据有关规定，本机构决定不予受理（不予办理）。
          </Para>
          <Para>如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</Para>
        </>
      );
    case "terminated":
      return (
        <>
          <Para>
            {intro}，因<span data-testid="letter-reason">{reason ?? "出现依法应当终止办理的情形"}</span>，本机构决定终止办理。
          </Para>
          <Para>如对本告知不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</Para>
        </>
      );
    case "withdrawn":
      return (
        <Para>
          {intro}，已于{closed}经您本人申请撤回，本机构不再办理。{reason && <>撤回原因：<span data-testid="letter-reason">{reason}</span>。</>}
        </Para>
      );
    default:
      return (
        <>
          <Para>
            {intro}，已于<strong>{closed}</strong>办理完结。{reason && <>办理意见：<span data-testid="letter-reason">{reason}</span>。</>}
          </Para>
          <Para>如有疑问，请携带本通知书及有效身份证件到{authorityName(doc.officeName)}咨询{doc.officeAddress ? `（地址：${doc.officeAddress}）` : ""}，或拨打12333咨询。</Para>
        </>
      );
  }
}

export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadDocument(id, "decision");
  if ("error" in loaded) return <EmptyState title="暂无办理结果文书">{loaded.error}</EmptyState>;
  const { doc, staff } = loaded;
  return (
    <OfficialLetter
      title={doc.title}
      number={doc.caseNumber}
      backHref={staff ? `/workbench/cases/${id}` : `/cases/${id}`}
      backLabel="返回办件"
      signature={{ office: doc.officeName, date: formatChineseDate(doc.closedAt ?? doc.submittedAt) }}
    >
      <p>{doc.applicantName}：</p>
      <Body doc={doc} />
    </OfficialLetter>
  );
}
