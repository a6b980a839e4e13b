import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { checkpointsFor, distinctPoints } from "./checkpoints";

describe("a step's 审核要点", () => {
  it("lists a point once though the guide numbers it in one place and not in another", () => {
    expect(
      distinctPoints([
        "确保材料齐全、仔细核对关键项目",
        "1. 确保材料齐全、仔细核对关键项目。",
        "（2）根据系统校验结果，告知服务对象",
        "根据系统校验结果，告知服务对象。",
        "三、另一要点",
        "2024 年度数据",
      ]),
    ).toEqual(["确保材料齐全、仔细核对关键项目", "（2）根据系统校验结果，告知服务对象", "三、另一要点", "2024 年度数据"]);
  });

  it("shows no point twice on any step of the seeded templates", () => {
    const repeated: string[] = [];
    for (const definition of readTemplates()) {
      for (const node of definition.flow.nodes) {
        if (node.type !== "task" || node.role === "applicant") continue;
        const points = checkpointsFor(definition, node).reviewPoints.map((p) => p.replace(/^\s*\d+[.、．]\s*/, "").replace(/[\s。；;，,.]/g, ""));
        if (new Set(points).size !== points.length) repeated.push(`${definition.code} ${node.label}`);
      }
    }
    expect(repeated).toEqual([]);
  });
});
