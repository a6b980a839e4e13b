import { describe, expect, it } from "vitest";
import { continuesOutline, findClauses } from "./text/clauses";
import { findNumeralSections } from "./text/headings";
import { isPicturePlaceholder } from "./text/lines";
import { parseListMarker, splitInlineList, toListItems } from "./text/lists";
import { CHECKBOX, CHECKBOX_CHECKED, collapseLetterSpacing, normalizeTitle, stripMarkup } from "./text/markup";
import { parseChineseNumeral } from "./text/numerals";
import { joinParagraphs } from "./text/paragraphs";
import { splitTopLevel } from "./text/sentences";
import { findTables, splitCells } from "./text/tables";
import type { SourceLine } from "./types";

const numbered = (texts: string[], first = 1): SourceLine[] => texts.map((text, i) => ({ no: first + i, text }));

describe("markup and titles", () => {
  it("strips bold, paragraphs, divs and URL brackets; keeps checkboxes as markers", () => {
    expect(stripMarkup("年满**16**周岁")).toBe("年满16周岁");
    expect(stripMarkup('<p>开户银行名称: _____</p> <div style="text-align: right;">日 期：</div>')).toBe("开户银行名称: _____ 日 期：");
    expect(stripMarkup('<input type="checkbox"/> 是 <input checked="" type="checkbox"/> 否')).toBe(`${CHECKBOX} 是 ${CHECKBOX_CHECKED} 否`);
    expect(stripMarkup('<input type="button" value="认定书"/>')).toBe("认定书");
    expect(stripMarkup("个人网厅：<https://nmgrs.12333k.cn/personlogin/#/personlogin>。")).toBe(
      "个人网厅：https://nmgrs.12333k.cn/personlogin/#/personlogin。",
    );
  });

  it("normalises wrap spaces and paren width in titles (6050, 4826)", () => {
    expect(normalizeTitle("机关事业单位工作人员基本 养老保险待遇申领")).toBe(normalizeTitle("机关事业单位工作人员基本养老保险待遇申领"));
    expect(normalizeTitle("实体社会保障卡应用状态查询 (含本地、异地)规范")).toBe("实体社会保障卡应用状态查询（含本地、异地）规范");
  });

  it("collapses letter-spaced labels only", () => {
    expect(collapseLetterSpacing("参 加 工 作 时 间")).toBe("参加工作时间");
    expect(collapseLetterSpacing("养老金 病残津贴")).toBe("养老金 病残津贴");
  });
});

describe("lines", () => {
  it("recognises picture placeholders", () => {
    expect(isPicturePlaceholder(" ")).toBe(true);
    expect(isPicturePlaceholder("图 B.1 企业社会保险登记办理流程图")).toBe(true);
    expect(isPicturePlaceholder("B.1 企业参保单位基本信息变更办理流程图")).toBe(true);
    expect(isPicturePlaceholder("图 3")).toBe(true);
    expect(isPicturePlaceholder("")).toBe(false);
    expect(isPicturePlaceholder("图书馆")).toBe(false);
  });

  it("splits tab rows and groups tables across a blank after the separator (8726–8738)", () => {
    expect(splitCells("姓名\t\t<p>a</p>")).toEqual(["姓名", "", "a"]);
    const tables = findTables(numbered(["节点名称\t角色\t时限", "------\t---\t---", "", "前台受理\t经办岗\t1个工作日", "", "说明"]));
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toEqual([
      ["节点名称", "角色", "时限"],
      ["前台受理", "经办岗", "1个工作日"],
    ]);
  });
});

describe("paragraphs", () => {
  it("joins a sentence wrapped across a blank line (245→247) but keeps bullets apart", () => {
    const lines = numbered([
      "企业在办理市场主体登记时，由市场监管部门将“多证合",
      "",
      "一”数据实时推送到所在地县级社会保险经办机构，启动联办。",
      "",
      "- a) 法定代表人身份证；",
      "- b) 新参保单位申报信息采集表（见附录 A 表 A.1）；",
    ], 245);
    const paragraphs = joinParagraphs(lines);
    expect(paragraphs.map((p) => p.text)).toEqual([
      "企业在办理市场主体登记时，由市场监管部门将“多证合一”数据实时推送到所在地县级社会保险经办机构，启动联办。",
      "- a) 法定代表人身份证；",
      "- b) 新参保单位申报信息采集表（见附录 A 表 A.1）；",
    ]);
    expect(paragraphs[0]).toMatchObject({ first: 245, last: 247 });
  });

  it("does not join a short label to the next paragraph (243 企业申请登记)", () => {
    const paragraphs = joinParagraphs(numbered(["企业申请登记", "", "企业在办理市场主体登记时提出申请。"]));
    expect(paragraphs).toHaveLength(2);
  });

  it("reads every list-marker style", () => {
    expect(parseListMarker("- a) 国有企业；")).toMatchObject({ kind: "letter", ordinal: 1, rest: "国有企业；" });
    expect(parseListMarker("(四) 建设项目已经分包")).toMatchObject({ kind: "chineseParen", ordinal: 4 });
    expect(parseListMarker("（1）参保人员有效身份证件")).toMatchObject({ kind: "numberParen", ordinal: 1 });
    expect(parseListMarker("1.《中华人民共和国社会保险法》")).toMatchObject({ kind: "numberDot", ordinal: 1 });
    expect(parseListMarker("1) 就业见习协议书。")).toMatchObject({ kind: "numberClose", ordinal: 1 });
    expect(parseListMarker("2.5 万元")).toBeNull();
    expect(toListItems([{ text: "a) 国有企业；", first: 1, last: 1 }])[0]).toMatchObject({ marker: "a)", text: "国有企业；" });
  });

  it("splits inline lists and top-level separators", () => {
    expect(splitInlineList("（1）参保人员有效身份证件。（2）退休相关材料。")?.items).toEqual(["参保人员有效身份证件。", "退休相关材料。"]);
    expect(splitInlineList("需申请单位提供（一）《工程项目参保证明》；（二）《变更信息材料》；")).toEqual({
      lead: "需申请单位提供",
      items: ["《工程项目参保证明》；", "《变更信息材料》；"],
    });
    expect(splitTopLevel("企业，培训机构（含职业院校、技工院校）", "，、")).toEqual(["企业", "培训机构（含职业院校、技工院校）"]);
  });
});

describe("headings", () => {
  it("parses Chinese numerals", () => {
    expect([parseChineseNumeral("一"), parseChineseNumeral("十"), parseChineseNumeral("十五"), parseChineseNumeral("二十六")]).toEqual([1, 10, 15, 26]);
  });

  it("accepts `N、name` headings only when the numbering continues (forms restart at 一、)", () => {
    const { sections } = findNumeralSections(numbered(["一、事项描述", "说明。", "二、受理条件", "一、基本情况", "三、政策依据"]));
    expect(sections.map((s) => [s.numeral, s.name])).toEqual([
      [1, "事项描述"],
      [2, "受理条件"],
      [3, "政策依据"],
    ]);
    expect(sections[1].body.map((l) => l.text)).toEqual(["一、基本情况"]);
    const gapped = findNumeralSections(numbered(["一、事项描述", "二十五 业务表单", "一、基本情况", "二十六、 结果反馈"]), {
      vocabulary: { forms: /^业务表单$/, feedback: /^结果反馈$/ },
    });
    expect(gapped.sections.map((s) => s.name)).toEqual(["事项描述", "业务表单", "结果反馈"]);
  });

  it("finds numbered clauses by outline continuity, not values such as `3 个工作日。`", () => {
    expect(continuesOutline([6, 4], [6, 6])).toBe(true);
    expect(continuesOutline([5, 3, 2], [3])).toBe(false);
    const { clauses, rest } = findClauses(
      numbered(["1 范围", "x", "2 业务要求", "2.1 办理时限", "2.1.1 承诺办理时限", "3 个工作日。", "3 业务流程", "3.1 个人发卡信息采集", "3.3 流程图", "附录 A（规范性）"]),
      { isEnd: (text) => text.startsWith("附录") },
    );
    expect(clauses.map((c) => c.number)).toEqual(["1", "2", "2.1", "2.1.1", "3", "3.1", "3.3"]);
    expect(clauses[3].body.map((l) => l.text)).toEqual(["3 个工作日。"]);
    expect(rest.map((l) => l.text)).toEqual(["附录 A（规范性）"]);
  });
});
