/** 文书核验: the form to type a code, and what a code shows (number, title, date, issuer — nothing about whom it concerns). */
import { getDb } from "@/runtime/db";
import { chineseDate } from "@/runtime/definition/documents";
import { verifyDocument } from "@/runtime/features/documents/read";

export function VerifyForm({ code }: { code?: string }) {
  return (
    <form action="/verify" method="get" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="verify-code" className="block text-sm font-medium">核验码</label>
        <input id="verify-code" name="code" defaultValue={code} required maxLength={64} autoComplete="off" placeholder="如：ABCD-EFGH-JKMN-PQRS" className="mt-1 w-72 rounded-md border border-input bg-background px-3 py-2 font-mono text-sm" />
      </div>
      <button type="submit" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">核验</button>
    </form>
  );
}

export async function VerifyResult({ code }: { code: string }) {
  const found = await verifyDocument(getDb(), code);
  if (!found) {
    return (
      <section aria-labelledby="verify-result" className="rounded-lg border border-destructive/40 bg-red-50 p-4 text-sm text-red-950" data-testid="verify-not-found">
        <h2 id="verify-result" className="font-semibold">未找到</h2>
        <p>未找到与该核验码对应的文书。请核对核验码；如有疑问，请向出具文书的机构或拨打 12333 咨询。</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="verify-result" className="rounded-lg border border-emerald-700/30 bg-emerald-50 p-4 text-sm text-emerald-950" data-testid="verify-found">
      <h2 id="verify-result" className="font-semibold">核验通过：该文书由本平台出具</h2>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-y-1">
        <dt>文书名称</dt>
        <dd data-testid="verify-title">{found.title}</dd>
        <dt>文书编号</dt>
        <dd data-testid="verify-number">{found.number}</dd>
        <dt>出具日期</dt>
        <dd data-testid="verify-date">{chineseDate(found.issuedOn)}</dd>
        <dt>出具机构</dt>
        <dd data-testid="verify-issuer">{found.issuer}</dd>
      </dl>
      <p className="mt-2 text-xs">请与纸质文书上的编号、日期和机构逐项比对；内容不一致的，该文书可能被篡改。</p>
    </section>
  );
}
