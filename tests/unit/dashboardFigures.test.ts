import { describe, expect, it } from "vitest";
import { addCounts, countsOf, emptyCounts, percent, rate, ratesOf, stepAverages } from "@/runtime/features/dashboard/rates";
import { caseListHref, csvCell, dashboardTables, exportFileName, tableCsv } from "@/runtime/features/dashboard/tables";
import { CHART_ROWS, chartHeight, chartOption } from "@/app/workbench/dashboard/chartOption";

describe("dashboard rates", () => {
  it("reads database rows whatever numeric type the driver gives", () => {
    const counts = countsOf({ received: 5n, completed: "3", refused: 1, withdrawn: null, corrected: "x" });
    expect(counts).toMatchObject({ received: 5, completed: 3, refused: 1, withdrawn: 0, corrected: 0 });
  });

  it("has no rate without cases, and rounds to one decimal", () => {
    expect(rate(0, 0)).toBeNull();
    expect(percent(null)).toBe("—");
    expect(percent(rate(2, 3))).toBe("66.7%");
    expect(percent(rate(1, 2))).toBe("50%");
    expect(percent(rate(3, 3))).toBe("100%");
    const c = { ...emptyCounts(), received: 8, corrected: 1, decidedPromised: 4, onTimePromised: 3, decidedLegal: 0 };
    expect(ratesOf(c)).toEqual({ onTimePromised: 0.75, onTimeLegal: null, correction: 0.125 });
    expect(addCounts(c, c).received).toBe(16);
  });

  it("averages working days per step over grouped spans, weighting each group by its steps", () => {
    const workdays = (from: string, to: string) => (from === "2026-03-02" && to === "2026-03-04" ? 2 : 0);
    const averages = stepAverages(
      [
        { label: "受理", started: "2026-03-02", finished: "2026-03-04", count: 3 },
        { label: "受理", started: "2026-03-05", finished: "2026-03-05", count: 1 },
        { label: "复核", started: "2026-03-05", finished: "2026-03-05", count: 1 },
      ],
      workdays,
    );
    expect(averages).toEqual([
      { label: "受理", steps: 4, averageWorkdays: 1.5 },
      { label: "复核", steps: 1, averageWorkdays: 0 },
    ]);
  });
});

describe("dashboard tables and exports", () => {
  const counts = { ...emptyCounts(), received: 4, completed: 2, decidedPromised: 2, onTimePromised: 1 };
  const tables = dashboardTables({
    officeId: "150100",
    byOffice: [{ key: "150102", name: "新城区", counts }],
    byService: [{ key: "s1", name: "失业登记", counts }],
    byMonth: [{ key: "2026-03", name: "2026-03", counts }],
    steps: [{ label: "受理", steps: 3, averageWorkdays: 1.3 }],
  });

  it("links each office and service to 办件查询 with its filters", () => {
    expect(tables.find((t) => t.id === "office")!.rows[0]).toMatchObject({ cells: ["新城区", 4, 2, 0, 0, "50%", "—", 0, 0, "0%"], href: "/workbench/cases?officeId=150102" });
    expect(tables.find((t) => t.id === "service")!.rows[0].href).toBe(`/workbench/cases?officeId=150100&search=${encodeURIComponent("失业登记")}`);
    expect(caseListHref({})).toBe("/workbench/cases");
    expect(caseListHref({ officeId: "150102", status: "open" })).toBe("/workbench/cases?officeId=150102&status=open");
  });

  it("writes CSV that Excel opens as UTF-8 and never runs as a formula", () => {
    expect(csvCell('说"明",一')).toBe('"说""明"",一"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-3)).toBe("-3");
    const csv = tableCsv({ columns: ["环节", "平均工作日"], rows: [{ cells: ["受理", 1.5] }, { cells: ["@cmd", 2] }] });
    expect(csv).toBe("\uFEFF环节,平均工作日\r\n受理,1.5\r\n'@cmd,2\r\n");
    expect(exportFileName({ title: "按月份（申请提交月份）" }, "2026-12-04", "xlsx")).toBe("统计分析-按月份-2026-12-04.xlsx");
  });

  it("charts at most CHART_ROWS bars, sideways, from the table's own columns", () => {
    const many = { ...tables[0], rows: Array.from({ length: 30 }, (_, i) => ({ cells: [`机构${i}`, i, 1, 0, 0, "—", "—", 2, 0, "—"] })) };
    const option = chartOption(many);
    expect(option.series.map((s) => s.name)).toEqual(["受理", "办结", "当前超期"]);
    expect(option.series[0].data).toHaveLength(CHART_ROWS);
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true });
    expect(chartHeight(many)).toBeGreaterThan(chartHeight(tables[0]));
    const months = chartOption(tables.find((t) => t.id === "month")!);
    expect(months.xAxis).toMatchObject({ type: "category", data: ["2026-03"] });
    expect(months.series[0]).toMatchObject({ type: "line", data: [4] });
  });
});
