/** Issue 9, item 6: the sign-in page follows `?next=` only to a path on this site. */
import { describe, expect, it } from "vitest";
import { safeNext } from "@/app/login/safeNext";

describe("safeNext", () => {
  it.each([
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["//evil.example"],
    ["/\\/evil.example"],
    ["\\\\evil.example"],
    ["https://evil.example/hall"],
    ["javascript:alert(1)"],
    [" /hall"],
    [""],
    [null],
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBeNull();
  });

  it.each([
    ["/hall", "/hall"],
    ["/cases/abc?step=2#forms", "/cases/abc?step=2#forms"],
    ["/hall/../workbench", "/workbench"],
    ["/designer/services/%E5%A4%B1", "/designer/services/%E5%A4%B1"],
  ])("follows %j to %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it("normalises what it follows as the browser would, so it cannot leave the site", () => {
    const followed = ["/\\evil.example", "/\t/evil.example", "/hall", "/a/\\b"].map(safeNext);
    expect(followed).toEqual([null, null, "/hall", "/a//b"]);
  });
});
