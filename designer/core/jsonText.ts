/**
 * JSON typed by a person: parsed, or a message in Chinese that says where it goes wrong (the
 * engine's own SyntaxError text is English and differs between browsers).
 */

/** "第 3 行第 20 列" for a character offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return `第 ${lines.length} 行第 ${lines[lines.length - 1].length + 1} 列`;
}

/** Why `text` is not JSON, in Chinese. */
export function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (text.trim() === "") return "JSON 格式不正确：内容为空";
  const position = /position (\d+)/.exec(message);
  if (position) return `JSON 格式不正确：${lineAndColumn(text, Number(position[1]))}附近有误`;
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `JSON 格式不正确：第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列附近有误`;
  if (/end of (JSON )?(input|data)/i.test(message)) return "JSON 格式不正确：内容不完整，可能缺少结尾的括号或引号";
  return "JSON 格式不正确：请检查括号、引号和逗号";
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses `text`; on a syntax error, the message says where in Chinese. */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: jsonSyntaxMessage(text, error) };
  }
}
