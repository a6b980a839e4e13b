import { describe, expect, it } from "vitest";
import { materialsInParagraphs, namesInSentence } from "./textMaterials";

const paragraphs = (texts: string[]) => texts.map((text, i) => ({ text, first: i + 1, last: i + 1 }));

describe("materials named in step text", () => {
  it("reads a 提供/填写 sentence (1654, 1334)", () => {
    expect(namesInSentence("城乡居民向所属社会保险经办机构提出参保申请，提供有效身份证件、户口簿首页和本人页，填写《内蒙古城乡居民基本养老保险参保登记表》（见附录 A 文本 A.1）。")).toEqual([
      "有效身份证件",
      "户口簿首页和本人页",
      "《内蒙古城乡居民基本养老保险参保登记表》",
    ]);
    expect(namesInSentence("填写《新增人员申报表》（见附录 A 表 A.1），并提供劳动合同等相关资料。")).toEqual(["《新增人员申报表》", "劳动合同"]);
    expect(namesInSentence("单位向参保的社会保险经办机构提出申请，提供相关材料。")).toEqual([]);
  });

  it("does not read 填写完整 in an outcome as a material (257)", () => {
    expect(namesInSentence("申请材料齐全，《新参保单位申报信息采集表》填写完整且填写信息与申请材料一致的，予以受理")).toEqual([]);
  });

  it("reads a lead with list items and scenarios (4462–4468)", () => {
    const found = materialsInParagraphs(
      paragraphs([
        "申请人向查询对象参保的社会保险经办机构提出社会保险个人权益记录查询打印申请，并按以下情形提供材料：",
        "a) 申请人为查询对象本人的，提供本人有效身份证；",
        "b) 申请人为参保用人单位的，提供单位经办人员有效身份证明材料、单位授权书；",
      ]),
      true,
    );
    expect(found.map((m) => [m.scenario, m.name])).toEqual([
      ["申请人为查询对象本人", "本人有效身份证"],
      ["申请人为参保用人单位", "单位经办人员有效身份证明材料"],
      ["申请人为参保用人单位", "单位授权书"],
    ]);
  });

  it("reads an inline （一）（二） list outside the applicant step (1921)", () => {
    const found = materialsInParagraphs(paragraphs(["a) 符合条件的，需申请单位提供（一）《工程项目参保证明》（见附录 A 表 A.1）；（二）《变更信息材料》；"]), false);
    expect(found.map((m) => m.name)).toEqual(["《工程项目参保证明》", "《变更信息材料》"]);
  });
});
