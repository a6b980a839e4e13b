/**
 * Stable ASCII property keys for fields: `f01_name`, `f02_id_number`, `f03` … The number is the
 * position among its siblings (so keys never collide); the suffix is an English hint for common
 * labels (no pinyin). Pure.
 */

const SLUGS: [RegExp, string][] = [
  [/签字|签名/, "signature"],
  [/盖章|公章|签章|（章）/, "seal"],
  [/统一社会信用代码|信用代码/, "credit_code"],
  [/身份证|公民身份号码|社会保障号/, "id_number"],
  [/出生日期|出生年月/, "birth_date"],
  [/^性别$/, "gender"],
  [/^民族$/, "ethnicity"],
  [/年龄/, "age"],
  [/^(?:（来电者）)?姓名$|人员姓名$/, "name"],
  [/手机/, "mobile"],
  [/电话|联系方式/, "phone"],
  [/邮箱|e-?mail/i, "email"],
  [/邮政编码|邮编/, "postcode"],
  [/开户银行|银行名称/, "bank"],
  [/账号|卡号/, "account_no"],
  [/户名/, "account_name"],
  [/单位名称|企业名称|机构名称/, "org_name"],
  [/项目名称/, "project_name"],
  [/名称/, "title"],
  [/地址|住址/, "address"],
  [/学历/, "education"],
  [/政治面貌/, "political_status"],
  [/专业/, "major"],
  [/职务|职位/, "position"],
  [/意见/, "opinion"],
  [/备注/, "remark"],
  [/金额|资金|费用/, "amount"],
  [/人数/, "headcount"],
  [/日期|时间/, "date"],
  [/年月/, "year_month"],
  [/年度/, "year"],
  [/编号|代码|号码/, "code"],
  [/类型|类别|性质/, "type"],
  [/联系人/, "contact"],
  [/负责人|法定代表人|法人/, "representative"],
  [/申请人/, "applicant"],
  [/理由|原因|说明|情况|内容|简介/, "details"],
];

/** An English hint for a Chinese label, or "" when none applies. */
export function slugFor(label: string): string {
  const text = label.replace(/\s/g, "");
  for (const [pattern, slug] of SLUGS) if (pattern.test(text)) return slug;
  return "";
}

/** `f01_name`: the 1-based position padded to two digits, plus the slug when there is one. */
export function keyFor(position: number, label: string): string {
  const number = String(position).padStart(2, "0");
  const slug = slugFor(label);
  return slug ? `f${number}_${slug}` : `f${number}`;
}

/** Makes sibling titles unique: the second `联系电话` becomes `联系电话（2）`. */
export function uniqueTitles(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title}（${count}）`;
  });
}
