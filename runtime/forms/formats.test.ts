import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeProblem,
  formatProblem,
  isAmount,
  isCalendarDate,
  isCreditCode,
  isPhone,
  isResidentId,
  isYearMonth,
  residentIdCheckChar,
  residentIdProblem,
} from "./formats";

describe("公民身份号码 (cn-resident-id)", () => {
  it("accepts real valid numbers, X check digit in either case", () => {
    expect(isResidentId("11010519491231002X")).toBe(true);
    expect(isResidentId("11010519491231002x")).toBe(true);
    expect(isResidentId("440524188001010014")).toBe(true);
    expect(isResidentId("150102199003077778")).toBe(true);
  });

  it("computes the ISO 7064 MOD 11-2 check character", () => {
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
    expect(residentIdCheckChar("44052418800101001")).toBe("4");
  });

  it("refuses a wrong check digit", () => {
    expect(isResidentId("110105194912310021")).toBe(false);
    expect(residentIdProblem("110105194912310021")).toBe("校验位不正确");
  });

  it("refuses impossible birth dates (0230, 1331, 19000229)", () => {
    const withDate = (date: string) => {
      const first17 = `110105${date}002`;
      return first17 + residentIdCheckChar(first17);
    };
    expect(residentIdProblem(withDate("19900230"))).toBe("出生日期不正确");
    expect(residentIdProblem(withDate("19901331"))).toBe("出生日期不正确");
    expect(residentIdProblem(withDate("19000229"))).toBe("出生日期不正确"); // 1900 is no leap year
    expect(residentIdProblem(withDate("20000229"))).toBeNull(); // leap year
  });

  it("refuses bad length, characters and region codes", () => {
    expect(residentIdProblem("11010519491231002")).toBe("应为18位");
    expect(residentIdProblem("1101051949123100X2")).toBe("只能包含数字，最后一位可以是X");
    const first17 = "00010519491231002";
    expect(residentIdProblem(first17 + residentIdCheckChar(first17))).toBe("地区代码不正确");
    expect(isResidentId(11010519491231002)).toBe(false);
    expect(isResidentId("150302XXXXXXXX2517")).toBe(false);
  });
});

describe("统一社会信用代码 (cn-credit-code)", () => {
  it("accepts valid codes", () => {
    expect(isCreditCode("91350100M000100Y43")).toBe(true);
    expect(isCreditCode("911100007109311097")).toBe(true);
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("refuses a wrong check character, forbidden letters, bad region digits and lengths", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("校验位不正确");
    expect(creditCodeProblem("91350100M000I00Y43")).toMatch(/不含 I、O、Z、S、V/);
    expect(creditCodeProblem("913501O0M000100Y43")).toMatch(/不含/);
    expect(creditCodeProblem("91A50100M000100Y43")).toBe("第3至8位应为行政区划代码");
    expect(creditCodeProblem("91350100M000100Y4")).toBe("应为18位");
    expect(isCreditCode("91350100m000100y43")).toBe(false);
  });
});

describe("电话 (cn-phone)", () => {
  it("accepts mobiles and landlines with area code", () => {
    for (const phone of ["13800138000", "19912345678", "+8613800138000", "0471-6981234", "04716981234", "010-12345678", "(0471)6981234", "0471-6981234-123"]) {
      expect(isPhone(phone), phone).toBe(true);
    }
  });
  it("refuses numbers without area code, wrong prefixes and lengths", () => {
    for (const phone of ["12345678901", "1380013800", "138001380000", "6981234", "12333", "0471-123", "abc"]) {
      expect(isPhone(phone), phone).toBe(false);
    }
  });
});

describe("year-month, amount, dates", () => {
  it("checks YYYY-MM", () => {
    expect(isYearMonth("2024-01")).toBe(true);
    expect(isYearMonth("2024-12")).toBe(true);
    expect(isYearMonth("2024-13")).toBe(false);
    expect(isYearMonth("2024-1")).toBe(false);
    expect(isYearMonth("202401")).toBe(false);
  });
  it("checks amounts: non-negative, at most two decimals", () => {
    expect(isAmount(0)).toBe(true);
    expect(isAmount(1234.5)).toBe(true);
    expect(isAmount(0.07)).toBe(true);
    expect(isAmount(1.005)).toBe(false);
    expect(isAmount(-1)).toBe(false);
    expect(isAmount(Number.NaN)).toBe(false);
    expect(isAmount("12.30")).toBe(true);
    expect(isAmount("12.345")).toBe(false);
  });
  it("knows the calendar", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 4, 31)).toBe(false);
  });
  it("explains problems by format name", () => {
    expect(formatProblem("cn-resident-id", "110105194912310021")).toBe("校验位不正确");
    expect(formatProblem("cn-phone", "12345678901")).toMatch(/手机号/);
    expect(formatProblem("year-month", "2024-13")).toMatch(/YYYY-MM/);
    expect(formatProblem("unknown", "x")).toBeNull();
  });
});
