import { describe, expect, it } from "vitest";
import { legalBasisFromParagraphs, legalBasisFromTable, parseCitation } from "./legalBasis";

describe("parseCitation", () => {
  it("reads a spec list item (333)", () => {
    expect(parseCitation("a) 《中华人民共和国社会保险法》（中华人民共和国主席令第三十五号）；")).toEqual({
      title: "中华人民共和国社会保险法",
      docNo: "中华人民共和国主席令第三十五号",
    });
  });

  it("keeps a wrapper title around a quoted name (15631)", () => {
    expect(parseCitation("5) 财政部 人力资源社会保障部关于印发《就业补助资金管理办法》的通知（财社〔2023〕181号）。")).toEqual({
      title: "财政部人力资源社会保障部关于印发《就业补助资金管理办法》的通知",
      docNo: "财社〔2023〕181号",
    });
  });

  it("keeps the article as the clause (5695–5697)", () => {
    const item = parseCitation("1.《中华人民共和国社会保险法》（2010年10月28日中华人民共和国主席令第 35 号) 第十六条：“参加基本养老保险的个人……”");
    expect(item).toMatchObject({ title: "中华人民共和国社会保险法", docNo: "2010年10月28日中华人民共和国主席令第35号" });
    expect(item?.clause).toMatch(/^第十六条：“参加基本养老保险的个人/);
  });
});

describe("legal basis lists and tables", () => {
  it("groups continuation paragraphs into the numbered entry before them (5699–5703)", () => {
    const items = legalBasisFromParagraphs([
      { text: "1.《甲法》（主席令第 35 号) 第十六条。", first: 1, last: 1 },
      { text: "2. 《乙规程》（人社部发〔2015〕32 号）第六章第三十七条：", first: 2, last: 2 },
      { text: "（1）参保人员有效身份证件。（2）退休相关材料。", first: 3, last: 3 },
      { text: "3. 《丙办法》（内政办发〔2015〕127号）第五章。", first: 4, last: 4 },
    ]);
    expect(items.map((item) => item.title)).toEqual(["甲法", "乙规程", "丙办法"]);
    expect(items[1].clause).toContain("（1）参保人员有效身份证件");
  });

  it("reads 层级⇥文号⇥政策名称⇥章节 rows (16022–16024)", () => {
    expect(
      legalBasisFromTable([
        ["层级", "文号", "政策名称", "章节"],
        ["国家", "人社部发〔2019〕30号", "《人力资源社会保障部关于实行职业技能考核鉴定机构备案管理的通知》", "全文"],
        ["国家", "", "《中华人民共和国就业促进法》", "第 15 条"],
      ]),
    ).toEqual([
      { title: "人力资源社会保障部关于实行职业技能考核鉴定机构备案管理的通知", docNo: "人社部发〔2019〕30号", level: "国家", clause: "全文" },
      { title: "中华人民共和国就业促进法", level: "国家", clause: "第 15 条" },
    ]);
  });
});
