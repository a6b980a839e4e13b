import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmptyState } from "@/app/_components/EmptyState";
import { currentUser } from "@/app/_lib/session";
import { OfficialLetter, Para } from "@/app/documents/_parts/OfficialLetter";
import { siteOrigin, verificationQr } from "@/app/documents/_parts/verificationQr";
import { getDb } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { chineseDate } from "@/runtime/definition/documents";
import { issuedDocument, type IssuedDocumentView } from "@/runtime/features/documents/read";

export const metadata: Metadata = { title: "文书" };
export const dynamic = "force-dynamic";

async function Footer({ doc }: { doc: IssuedDocumentView }) {
  const url = `${await siteOrigin()}${doc.verificationPath}`;
  const svg = await verificationQr(url);
  return (
    <footer className="mt-12 flex items-end justify-between gap-6 border-t border-black pt-3 text-xs leading-5" data-testid="letter-footer">
      <div>
        <p>{doc.office.authority}</p>
        {doc.office.address && <p>地址：{doc.office.address}</p>}
        <p>咨询电话：{doc.office.hotline}</p>
        <p className="mt-2">
          核验码：<span className="font-mono" data-testid="verification-code">{doc.verificationCode}</span>
        </p>
        <p>
          扫描右侧二维码或访问 <a href={doc.verificationPath} className="break-all underline" data-testid="verification-link">{url}</a> 核验本文书
        </p>
      </div>
      <figure className="shrink-0 text-center">
        <div role="img" aria-label={`文书核验二维码：${url}`} className="h-[28mm] w-[28mm] [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption className="mt-1">扫码核验</figcaption>
      </figure>
    </footer>
  );
}

export default async function IssuedDocumentPage({ params }: { params: Promise<{ docId: string }> }) {
  const { docId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/documents/issued/${docId}`)}`);
  let doc: IssuedDocumentView;
  try {
    doc = await issuedDocument(getDb(), user, docId);
  } catch (error) {
    if (error instanceof AppError) return <EmptyState title="无法显示文书">{error.message}</EmptyState>;
    throw error;
  }
  const staff = user.kind === "staff";
  return (
    <OfficialLetter
      title={doc.title}
      number={doc.number}
      backHref={staff ? `/workbench/cases/${doc.applicationId}` : `/cases/${doc.applicationId}`}
      backLabel="返回办件"
      signature={{ office: doc.office.name, date: chineseDate(doc.issuedOn) }}
      footer={<Footer doc={doc} />}
    >
      <p>{doc.recipient}：</p>
      {doc.paragraphs.map((p, i) => (/^\d+\. /.test(p) ? <p key={i} className="pl-[2em]" data-testid="letter-item">{p}</p> : <Para key={i}>{p}</Para>))}
      {doc.rightsNotice && <p className="indent-[2em]" data-testid="rights-notice">{doc.rightsNotice}</p>}
    </OfficialLetter>
  );
}
