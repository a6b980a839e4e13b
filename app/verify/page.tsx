import type { Metadata } from "next";
import { VerifyForm, VerifyResult } from "./_parts";

export const metadata: Metadata = { title: "文书核验" };
export const dynamic = "force-dynamic";

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const typed = typeof code === "string" ? code.trim() : "";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">文书核验</h1>
      <p className="text-sm text-muted-foreground">输入文书底部的核验码，或扫描文书上的二维码，核对文书的编号、出具日期和出具机构。</p>
      <VerifyForm code={typed} />
      {typed && <VerifyResult code={typed} />}
    </div>
  );
}
