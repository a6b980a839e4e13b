import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/runtime/db";
import { getPublishedService, type PublishedService } from "@/runtime/features/catalogue/service";
import type { Guide, Material, TimeLimit } from "@/runtime/definition/schema";
import { caseTypeLabels, levelLabels } from "@/runtime/definition/labels";
import { guideContact, guideOtherNotes, requirementLabel } from "@/runtime/definition/requirements";
import { currentPlace } from "@/app/_lib/place";
import { VersionBadge } from "../../_parts/VersionBadge";

export const dynamic = "force-dynamic";


/** The version that applies at the applicant's place; another banner's variant is never found from here. */
async function load(code: string): Promise<PublishedService | null> {
  const { place } = await currentPlace();
  try {
    return await getPublishedService(getDb(), code, place.level === "region" ? null : place.id);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params;
  const service = await load(code);
  return { title: service ? `${service.definition.title} · 办事指南` : "办事指南" };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border bg-background p-4 sm:p-5">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <div className="mt-3 text-sm leading-relaxed">{children}</div>
    </section>
  );
}

function None() {
  return <p className="text-muted-foreground">办事指南未载明。</p>;
}

function Limits({ limits }: { limits: TimeLimit[] }) {
  if (limits.length === 0) return <span className="text-muted-foreground">未载明</span>;
  return (
    <ul className="space-y-1">
      {limits.map((l, i) => (
        <li key={i}>
          {l.channel && <span className="mr-2 rounded bg-muted px-1.5 py-0.5 text-xs">{l.channel}</span>}
          {l.text}
        </li>
      ))}
    </ul>
  );
}

function requirement(m: Material): string {
  return requirementLabel(m);
}

function Materials({ materials }: { materials: Material[] }) {
  if (materials.length === 0) return <None />;
  return (
    <>
      {/* narrow screens: one card per material */}
      <ol className="space-y-2 sm:hidden">
        {materials.map((m, i) => (
          <li key={m.id} className="rounded-md border p-3">
            <p className="font-medium">
              {i + 1}. {m.name}
              {m.required && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-900">必要</span>}
            </p>
            <dl className="mt-2 grid grid-cols-[5em_1fr] gap-x-2 gap-y-1 text-muted-foreground">
              <dt>材料类型</dt><dd className="text-foreground">{m.kind ?? "—"}</dd>
              <dt>份数</dt><dd className="text-foreground">{m.copies ?? "—"}</dd>
              <dt>材料形式</dt><dd className="text-foreground">{m.medium ?? "—"}</dd>
              <dt>必要性</dt><dd className="text-foreground">{requirement(m)}</dd>
              {m.scenario && (<><dt>适用情形</dt><dd className="text-foreground">{m.scenario}</dd></>)}
              {m.source && (<><dt>来源渠道</dt><dd className="text-foreground">{m.source}</dd></>)}
            </dl>
            {m.note && <p className="mt-1 text-muted-foreground">{m.note}</p>}
            {m.formId && <p className="mt-1 text-muted-foreground">在线办理时在申请页填写，无需另行上传</p>}
          </li>
        ))}
      </ol>
      <table className="hidden w-full border-collapse text-left sm:table">
        <caption className="sr-only">申请材料</caption>
        <thead>
          <tr className="border-b bg-muted/60">
            <th scope="col" className="whitespace-nowrap px-2 py-2">序号</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">材料名称</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">材料类型</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">份数</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">材料形式</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">必要性</th>
            <th scope="col" className="whitespace-nowrap px-2 py-2">适用情形</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m, i) => (
            <tr key={m.id} className="border-b align-top last:border-0">
              <td className="px-2 py-2">{i + 1}</td>
              <td className="px-2 py-2">
                {m.name}
                {m.source && <span className="block text-xs text-muted-foreground">来源：{m.source}</span>}
                {m.formId && <span className="block text-xs text-muted-foreground">在线办理时在申请页填写，无需另行上传</span>}
                {m.note && <span className="block text-xs text-muted-foreground">{m.note}</span>}
              </td>
              <td className="px-2 py-2">{m.kind ?? "—"}</td>
              <td className="px-2 py-2">{m.copies ?? "—"}</td>
              <td className="px-2 py-2">{m.medium ?? "—"}</td>
              <td className="px-2 py-2">{m.required ? <strong>{requirement(m)}</strong> : requirement(m)}</td>
              <td className="px-2 py-2">{m.scenario ?? "通用"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Facts({ guide }: { guide: Guide }) {
  const rows: [string, ReactNode][] = [
    ["服务对象", guide.audience.length ? guide.audience.join("、") : "未载明"],
    ["办件类型", guide.caseType ? caseTypeLabels[guide.caseType] : "未载明"],
    ["法定办结时限", <Limits key="legal" limits={guide.legalLimit} />],
    ["承诺办结时限", <Limits key="promised" limits={guide.promisedLimit} />],
    ["收费", guide.fee ? guide.fee.text || (guide.fee.free ? "不收费" : "收费") : "未载明"],
    ["办理渠道", guide.channels.length ? guide.channels.join("、") : "未载明"],
    ["实施层级", guide.levels.length ? guide.levels.map((l) => levelLabels[l] ?? l).join("、") : "未载明"],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[9em_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted-foreground">{label}</dt>
          <dd className="mb-2 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ServiceGuidePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const service = await load(code);
  if (!service) notFound();
  // The same for every visitor (the page cache serves it to all): nothing here depends on who is signed in.
  const { path, place } = await currentPlace();
  // the office's own address where the guide states none (Organisation.address, when an office has one recorded)
  const office = !service.definition.guide.officeAddress ? await getDb().organisation.findUnique({ where: { id: place.id }, select: { name: true, address: true } }) : null;
  const def = service.definition;
  const { guide } = def;
  const contact = guideContact(guide);
  // the notes shown above as 办理时间 and 咨询电话 are not repeated in 其他说明
  const notes = guideOtherNotes(guide);
  // Signing in, and the refusal of staff accounts, happen on the apply page.
  const applyPath = `/hall/services/${def.code}/apply`;
  return (
    <article className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-muted-foreground">
        <Link href="/hall" className="text-primary hover:underline">办事大厅</Link>
        <span aria-hidden="true"> / </span>
        <span>{def.group.category}</span>
      </nav>
      <header className="rounded-lg border bg-background p-4 sm:p-5">
        <p className="text-sm text-muted-foreground">{def.group.part} · {def.group.category}</p>
        <h1 className="mt-1 text-2xl font-semibold">
          {def.title}
          <VersionBadge label={service.owner.label} />
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          办理地：{path}（<Link href="/hall#place-heading" className="text-primary underline-offset-2 hover:underline">更改办理地</Link>）
        </p>
        {(guide.description || def.summary) && <p className="mt-2 leading-relaxed">{guide.description || def.summary}</p>}
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Link
            href={applyPath}
            className="inline-flex items-center rounded-md bg-primary px-5 py-2.5 font-medium text-primary-foreground hover:opacity-90"
          >
            在线办理
          </Link>
          <span className="text-sm text-muted-foreground">在线办理需使用个人或单位账号</span>
          <span className="text-sm text-muted-foreground">版本 {service.version}</span>
        </div>
      </header>

      <Section id="facts" title="基本信息">
        <Facts guide={guide} />
      </Section>

      <Section id="conditions" title="受理条件">
        {guide.conditions.length ? (
          <ol className="list-decimal space-y-1 pl-5">
            {guide.conditions.map((c, i) => <li key={i}>{c}</li>)}
          </ol>
        ) : <None />}
      </Section>

      <Section id="materials" title="申请材料">
        <Materials materials={def.materials} />
      </Section>

      <Section id="addresses" title="办理地点与方式">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[9em_1fr]">
          <dt className="font-medium text-muted-foreground">网上办理地址</dt>
          <dd className="mb-2 break-all sm:mb-0">{guide.onlineAddress ?? "本平台“在线办理”"}</dd>
          <dt className="font-medium text-muted-foreground">窗口办理地点</dt>
          <dd className="mb-2 sm:mb-0">{guide.officeAddress ?? (office?.address ? `${office.name}：${office.address}` : "未载明")}</dd>
          <dt className="font-medium text-muted-foreground">办理时间</dt>
          <dd className="mb-2 whitespace-pre-line sm:mb-0">{contact.hours ?? "未载明"}</dd>
          <dt className="font-medium text-muted-foreground">咨询电话</dt>
          <dd className="whitespace-pre-line">
            {contact.phone ?? "未载明"}
            {!contact.phone?.includes("12333") && <span className="block text-muted-foreground">人力资源和社会保障咨询服务热线：12333</span>}
          </dd>
        </dl>
      </Section>

      <Section id="basis" title="设定依据">
        {guide.legalBasis.length ? (
          <ul className="list-disc space-y-1 pl-5">
            {guide.legalBasis.map((b, i) => (
              <li key={i}>
                {b.title}
                {b.docNo && <span>（{b.docNo}）</span>}
                {b.clause && <span className="text-muted-foreground"> {b.clause}</span>}
                {b.level && <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">{b.level}</span>}
              </li>
            ))}
          </ul>
        ) : <None />}
      </Section>

      {notes.length > 0 && (
        <Section id="notes" title="其他说明">
          <dl className="space-y-2">
            {notes.map((n, i) => (
              <div key={i}>
                <dt className="font-medium">{n.label}</dt>
                <dd className="whitespace-pre-line text-muted-foreground">{n.text}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </article>
  );
}
