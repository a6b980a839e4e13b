import type { Metadata } from "next";
import { VerifyForm, VerifyResult } from "../_parts";

export const metadata: Metadata = { title: "文书核验" };
export const dynamic = "force-dynamic";

/** What a document's QR code opens. */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const typed = decodeURIComponent(code).slice(0, 64);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">文书核验</h1>
      <VerifyResult code={typed} />
      <details className="text-sm">
        <summary className="cursor-pointer">核验其他文书</summary>
        <div className="mt-2"><VerifyForm /></div>
      </details>
    </div>
  );
}
