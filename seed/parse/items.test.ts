import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cutItems, locateTitles, numberLines, parseEntries } from "./items";

const SOURCE = path.join(import.meta.dirname, "../source");
const entries = parseEntries(readFileSync(path.join(SOURCE, "ENTRIES.tsv"), "utf8"));
const lines = numberLines(readFileSync(path.join(SOURCE, "000_f296b97e2ab141b6.txt"), "utf8"));

describe("ENTRIES.tsv", () => {
  it("has the 152 entries of the table of contents", () => {
    expect(entries).toHaveLength(152);
    expect(entries[0]).toMatchObject({ seq: 1, part: "一", layout: "spec", firstLine: 184, lastLine: 406 });
    expect(entries.filter((entry) => entry.layout === "spec")).toHaveLength(46);
    expect(entries.filter((entry) => entry.layout === "guide25")).toHaveLength(66);
  });
});

describe("cutting the document", () => {
  it("finds every title in the body, including wrapped and half-width ones", () => {
    const starts = locateTitles(lines, entries);
    expect(starts).toHaveLength(152);
    expect(starts[46]).toBe(6050); // 机关事业单位工作人员基本 养老保险待遇申领
    expect(starts[35]).toBe(4826); // 实体社会保障卡应用状态查询 (含本地、异地)规范
    expect(starts[81]).toBe(11499); // body says 食宿费, TOC 住宿费
    expect(starts[151]).toBe(20025);
  });

  it("cuts 152 items whose ranges match the ones recorded from reading the document", () => {
    const items = cutItems(lines, entries, "doc.txt");
    expect(items).toHaveLength(152);
    for (const item of items) {
      expect([item.lines[0].no, item.lines[item.lines.length - 1].no], `entry ${item.entry.seq}`).toEqual([
        item.entry.firstLine,
        item.entry.lastLine,
      ]);
    }
  });

  it("keeps part and group headings out of items (180, 5675, 14679)", () => {
    const items = cutItems(lines, entries, "doc.txt");
    const all = items.flatMap((item) => item.lines.map((line) => line.no));
    expect(all).not.toContain(180);
    expect(all).not.toContain(5675);
    expect(all).not.toContain(14679);
  });
});
