import { describe, expect, it } from "vitest";
import { parseJsonText } from "./jsonText";

describe("JSON typed in the designer", () => {
  it("parses valid JSON", () => {
    expect(parseJsonText('{ "a": 1 }')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("says in Chinese where a syntax error is, with no English engine text", () => {
    const text = '{\n  "type": "object",\n  "properties": {},\n}';
    const result = parseJsonText(text);
    expect(result).toEqual({ ok: false, message: "JSON 格式不正确：第 4 行第 1 列附近有误" });
    for (const bad of ["{", '{"a": }', "{'a': 1}", "", "tru", '{"a": 1} x']) {
      const parsed = parseJsonText(bad);
      const message = parsed.ok ? null : parsed.message;
      expect(message, bad).toMatch(/^JSON 格式不正确：/);
      expect(message?.replace("JSON", ""), bad).not.toMatch(/[A-Za-z]/);
    }
  });
});
