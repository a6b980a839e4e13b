import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serviceDefinition } from "./schema";
import { lintDefinition } from "./lint";
import { defaultDocuments, documentHotline, documentTemplateOf, documentsOf, renderDocument, unknownPlaceholders } from "./documents";
import { applyOverlay, overlayOf } from "./variant";

const injury = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));

describe("document texts", () => {
  it("the seeded 工伤认定 template carries the texts of every document its flow issues, with the rights notice on decisions", () => {
    expect(injury.documents?.map((d) => d.title)).toEqual([
      "受理通知书",
      "补正材料通知书（一次性告知书）",
      "不予受理通知书",
      "不予办理决定书",
      "办结通知书",
      "认定工伤决定书",
      "不予认定工伤决定书",
    ]);
    expect(documentTemplateOf(injury, "outcome-denied")?.rightsNotice).toMatch(/六十日内依法申请行政复议.*六个月内依法向人民法院提起行政诉讼/);
    expect(documentTemplateOf(injury, "acceptance")?.rightsNotice).toBe("");
    expect(defaultDocuments(injury)).toEqual(injury.documents);
  });

  it("fills the placeholders and lists each correction item on its own", () => {
    const correction = renderDocument(documentTemplateOf(injury, "correction")!, {
      申请人: "张三",
      服务事项: "工伤认定",
      办件编号: "NM20261205000001",
      提交日期: "2026年12月5日",
      补正清单: ["劳动合同复印件", "初诊诊断证明"],
    });
    expect(correction.paragraphs).toContain("1. 劳动合同复印件");
    expect(correction.paragraphs).toContain("2. 初诊诊断证明");
    expect(correction.paragraphs[0]).toMatch(/^您于2026年12月5日提交的“工伤认定”申请（办件编号：NM20261205000001）/);
    expect(correction.rightsNotice).toBeNull();
    // A fact not known is a dash, never the placeholder.
    expect(renderDocument({ kind: "x", title: "t", body: "理由：{理由}", rightsNotice: "" }, {}).paragraphs).toEqual(["理由：—"]);
  });

  it("names unknown placeholders (the designer shows them as mistakes)", () => {
    expect(unknownPlaceholders("{申请人}：{姓名}，{理由}{编号}")).toEqual(["姓名", "编号"]);
  });

  it("lets a local variant override one document's text as an item of its own", () => {
    const edited = structuredClone(injury);
    edited.documents = edited.documents!.map((d) => (d.kind === "outcome-granted" ? { ...d, body: `${d.body}\n\n请用人单位按规定申报工伤保险待遇。` } : d));
    const overlay = overlayOf(injury, edited);
    expect(Object.keys(overlay.set)).toEqual(["document/outcome-granted"]);
    const effective = applyOverlay(injury, overlay);
    expect(documentTemplateOf(effective, "outcome-granted")?.body).toMatch(/请用人单位按规定申报工伤保险待遇。$/);
    expect(documentTemplateOf(effective, "outcome-denied")).toEqual(documentTemplateOf(injury, "outcome-denied"));
    expect(documentsOf(effective).every((d) => d.own)).toBe(true);
  });
});

describe("lint of decisions and documents", () => {
  const codes = (d: unknown) => lintDefinition(d).map((p) => p.code);
  it("accepts the seeded 工伤认定 template", () => {
    expect(codes(injury)).toEqual([]);
  });
  it("refuses a single outcome, duplicate ids, and unknown placeholders", () => {
    const broken = structuredClone(injury);
    const node = broken.flow.nodes.find((n) => n.id === "approve");
    if (node?.type !== "task") throw new Error("no decision step");
    node.outcomes = [node.outcomes![0]];
    broken.documents![0] = { ...broken.documents![0], body: "{申请人}：{姓名}" };
    expect(codes(broken)).toEqual(expect.arrayContaining(["OUTCOMES_TOO_FEW", "DOCUMENT_PLACEHOLDER_UNKNOWN"]));
    node.outcomes = [node.outcomes[0], { ...node.outcomes[0], label: "另一结果" }];
    expect(codes(broken)).toContain("OUTCOME_DUPLICATE");
  });
  it("refuses a refusing document without the rights notice (申请行政复议或者提起行政诉讼)", () => {
    const edited = structuredClone(injury);
    edited.documents = edited.documents!.map((d) => (d.kind === "outcome-denied" || d.kind === "acceptance" ? { ...d, rightsNotice: "" } : d));
    expect(lintDefinition(edited).filter((p) => p.code === "DOCUMENT_RIGHTS_NOTICE_MISSING").map((p) => p.message)).toEqual([
      "文书《不予认定工伤决定书》须告知申请行政复议或者提起行政诉讼的途径和期限",
    ]);
  });
});

describe("the 咨询电话 a document prints", () => {
  const guide = (notes: { label: string; text: string }[]) => ({ ...serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "example.json"), "utf8"))).guide, notes });
  it("is the guide's own phone (a local version's number) beside 12333; 12333 alone when the guide gives none", () => {
    expect(documentHotline(guide([{ label: "咨询电话", text: "0471-5555123" }]))).toBe("0471-5555123；12333");
    expect(documentHotline(guide([{ label: "咨询方式", text: "12333 或 0471-6901234" }]))).toBe("12333 或 0471-6901234");
    expect(documentHotline(guide([]))).toBe("12333");
  });
});
