import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/EmptyState";
import { formatChineseDate, formatDateTime } from "@/app/_components/format";
import { OfficialLetter, Para, authorityName } from "@/app/documents/_parts/OfficialLetter";
import { loadDocument } from "@/app/documents/_parts/load";

export const metadata: Metadata = { title: "受理回执" };
export const dynamic = "force-dynamic";

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadDocument(id, "receipt");
  if ("error" in loaded) return <EmptyState title="无法显示受理回执">{loaded.error}</EmptyState>;
  const { doc, staff } = loaded;
  return (
    <OfficialLetter
      title="受理回执"
      number={doc.caseNumber}
      backHref={staff ? `/workbench/cases/${id}` : `/cases/${id}`}
      backLabel="返回办件"
      signature={{ office: doc.officeName, date: formatChineseDate(doc.submittedAt) }}
    >
      <p>{doc.applicantName}：</p>
      <Para>
        您于{formatDateTime(doc.submittedAt)}通过人社公共服务平台提交的“{doc.serviceTitle}”申请已收到，办件编号为
        <strong>{doc.caseNumber}</strong>，由{authorityName(doc.officeName)}办理。
      </Para>
      <Para>
        {doc.promisedDate ? (
          <>本机构承诺于<strong data-testid="letter-promised-date">{formatChineseDate(doc.promisedDate)}</strong>前办结（不含依法补正、中止的时间）。</>
        ) : doc.dueDate ? (
          // a guide that promises no limit: the legal one the case runs under, not a promise
          <>本事项依法应于<strong data-testid="letter-due-date">{formatChineseDate(doc.dueDate)}</strong>前办结（不含依法补正、中止的时间）。</>
        ) : (
          <>办理时限以受理后的告知为准。</>
        )}
        申请材料不齐全或者不符合法定形式的，本机构将一次性告知需要补正的全部内容。您可以凭办件编号在“我的办件”中查询办理进度。
      </Para>
      {doc.materials.length > 0 && (
        <>
          <p className="font-bold">申请材料清单：</p>
          <ol className="list-decimal pl-[3em]">
            {doc.materials.map((m, i) => <li key={i}>{m}</li>)}
          </ol>
        </>
      )}
      <table className="mt-6 w-full border-collapse text-sm leading-6">
        <caption className="sr-only">办件信息</caption>
        <tbody>
          {[
            ["办件编号", doc.caseNumber],
            ["服务事项", doc.serviceTitle],
            ["申请人", doc.applicantName],
            ["办理机构", doc.officeName],
            ["提交时间", formatDateTime(doc.submittedAt)],
            ["承诺办结日期", doc.promisedDate ? formatChineseDate(doc.promisedDate) : "—"],
            ["办理地址", doc.officeAddress ?? "—"],
          ].map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="w-32 border border-black px-2 py-1 text-left font-normal">{k}</th>
              <td className="border border-black px-2 py-1">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </OfficialLetter>
  );
}
