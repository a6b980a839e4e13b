import { describe, expect, it } from "vitest";
import { maskPersonal, maskValue } from "./mask";

describe("personal data out of logs", () => {
  it("masks resident ID numbers and mobile numbers inside text, and nothing else", () => {
    expect(maskPersonal("身份证号 150102199003071237 格式不对")).toBe("身份证号 150102********1237 格式不对");
    expect(maskPersonal("11010519491231002X,13800471234")).toBe("110105********002X,138****1234");
    // Not an ID or a phone: longer digit runs, ids, timestamps, case numbers.
    expect(maskPersonal("1733312345678901234 cm0abc13800471234x 2026-12-04T22:10:00Z NM20261204000123")).toBe(
      "1733312345678901234 cm0abc13800471234x 2026-12-04T22:10:00Z NM20261204000123",
    );
  });

  it("removes secrets and masks personal fields in logged objects, at any depth", () => {
    expect(
      maskValue({
        user: { id: "u1", displayName: "张三", idNumber: "150102199003071237", phone: "13800471234" },
        input: { password: "s3cret!", formData: { note: "联系 13800471234" } },
        headers: { cookie: "hrss_session=abc", "x-request-id": "r1" },
        status: 400,
        errorCode: "BAD_REQUEST",
      }),
    ).toEqual({
      user: { id: "u1", displayName: "张*", idNumber: "150102********1237", phone: "138****1234" },
      input: { password: "[已隐去]", formData: { note: "联系 138****1234" } },
      headers: { cookie: "[已隐去]", "x-request-id": "r1" },
      status: 400,
      errorCode: "BAD_REQUEST",
    });
  });
});
