/**
 * The forms an applicant may change in a 补正: those the 补正 step opens for editing in the flow,
 * and those the one-time correction request (一次性告知) named. Every other form stays as
 * submitted. The engine, the server's correction answer and the applicant's page read this.
 */
import type { TaskNode } from "../definition/schema";
import type { ActiveTask } from "./types";

export function correctionEditableForms(node: TaskNode, task: Pick<ActiveTask, "correction">): string[] {
  const opened = node.forms.filter((form) => form.mode === "edit").map((form) => form.formId);
  return [...new Set([...opened, ...(task.correction?.forms ?? [])])];
}
