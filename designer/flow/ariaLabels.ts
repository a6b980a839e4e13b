/** React Flow's built-in screen-reader texts, in Chinese. */
import type { AriaLabelConfig } from "@xyflow/react";

const directions: Record<string, string> = { up: "上", down: "下", left: "左", right: "右" };

export const flowAriaLabels: Partial<AriaLabelConfig> = {
  "node.a11yDescription.default": "按回车或空格选中节点，按 Delete 删除，按 Esc 取消选中。",
  "node.a11yDescription.keyboardDisabled": "按回车或空格选中节点，然后用方向键移动，按 Delete 删除，按 Esc 取消选中。",
  "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) => `已向${directions[direction] ?? direction}移动所选节点，新位置 x：${x}，y：${y}`,
  "edge.a11yDescription.default": "按回车或空格选中连线，然后可按 Delete 删除或按 Esc 取消。",
  "controls.ariaLabel": "画布控制",
  "controls.zoomIn.ariaLabel": "放大",
  "controls.zoomOut.ariaLabel": "缩小",
  "controls.fitView.ariaLabel": "适应画布",
  "controls.interactive.ariaLabel": "锁定/解锁画布",
  "minimap.ariaLabel": "流程缩略图",
  "handle.ariaLabel": "连接点",
};
