/**
 * A printable official letter (公文样式): A4 page, title, number, body, the office and date
 * at the bottom right. On screen it is a sheet of paper with a print button; printed, only
 * the sheet appears.
 */
import type { ReactNode } from "react";
import Link from "next/link";
import { PrintButton } from "./PrintButton";
import { authorityName } from "@/runtime/definition/documents";

const printCss = `
@page { size: A4; margin: 25mm 20mm 20mm 25mm; }
@media print {
  html, body { background: #fff !important; }
  body > a[href="#main"] { display: none !important; }
  #main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .letter-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; }
}
`;

export function OfficialLetter({
  title,
  number,
  backHref,
  backLabel,
  children,
  signature,
  footer,
}: {
  title: string;
  number: string;
  backHref: string;
  backLabel: string;
  children: ReactNode;
  signature: { office: string; date: string };
  /** Below the signature: the office's address and hotline, the verification code. */
  footer?: ReactNode;
}) {
  return (
    <div>
      <style>{printCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={backHref} className="text-primary hover:underline">← {backLabel}</Link>
        <PrintButton />
      </div>
      <article
        aria-labelledby="letter-title"
        className="letter-sheet mx-auto w-full max-w-[210mm] bg-white px-5 py-8 text-[15px] leading-8 text-black shadow-md sm:min-h-[297mm] sm:px-[20mm] sm:py-[25mm]"
        style={{ fontFamily: '"Noto Serif CJK SC", "Songti SC", "SimSun", serif' }}
      >
        <h1 id="letter-title" className="text-center text-2xl font-bold tracking-[0.2em] sm:text-3xl">{title}</h1>
        <p className="mt-2 text-center text-sm">编号：<span data-testid="letter-number">{number}</span></p>
        <div className="mt-8 space-y-3">{children}</div>
        <div className="mt-16 text-right">
          <p>{authorityName(signature.office)}</p>
          <p className="text-sm text-gray-600">（盖章）</p>
          <p>{signature.date}</p>
        </div>
        {footer}
      </article>
    </div>
  );
}

export { authorityName };

/** A paragraph with the two-character first-line indent of official letters. */
export function Para({ children }: { children: ReactNode }) {
  return <p className="indent-[2em]">{children}</p>;
}
