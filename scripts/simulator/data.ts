/**
 * What the simulated systems know about the demo applicants (seed/demoAccounts.ts): 张三 owes
 * contributions (so 欠费 fails) and has a social security card; the demo company is registered
 * with the market regulator. Anyone else passes every check and is found nowhere.
 */
export interface SimulatedPerson {
  /** Facts that fail, by connector, with the detail the system gives. */
  failing: Record<string, Record<string, string>>;
  /** Lookup records by connector. */
  records: Record<string, Record<string, string | null>>;
}

export const PEOPLE: Record<string, SimulatedPerson> = {
  // 张三
  "150102199003071237": {
    failing: {
      taxContributions: { noArrears: "2026年7月至9月欠缴基本养老保险费 3 个月，共 2,436.00 元" },
    },
    records: {
      ssCard: { cardNumber: "150102D15600003X", bank: "中国工商银行呼和浩特新城支行", account: "6212 2602 0000 1237", status: "正常" },
      taxContributions: { paidUntil: "2026-06", arrearsAmount: "2436.00" },
      insuranceRecord: { insuredSince: "2008-07", office: "新城区社会保险事业管理局", status: "参保缴费", conclusion: null },
      civilRegistry: { name: "张三", address: "内蒙古自治区呼和浩特市新城区海拉尔东街 1 号", householdNo: "150102000123", deathDate: null },
      pensionPayments: { duplicate: "否", systems: null },
      injuryInsurance: { conclusion: "劳动能力鉴定：未达级", documentNo: "呼劳鉴〔2026〕0137号", issuedOn: "2026-05-12" },
    },
  },
  // 呼和浩特示例科技有限公司
  "91150100MA0N000013": {
    failing: {},
    records: {
      marketRegistry: { creditCode: "91150100MA0N000013", name: "呼和浩特示例科技有限公司", legalRepresentative: "李四", status: "存续（在营、开业、在册）" },
    },
  },
};

/** The detail of a fact that passed. */
export const PASSED_DETAIL = "核验通过，未见异常";
