/**
 * The family parsers by layout name (ENTRIES.tsv `layout` column). Each family module
 * exports `parse: FamilyParser`.
 */
import type { FamilyParser } from "../types";
import { parse as acceptCond } from "./acceptCond";
import { parse as applyBasis } from "./applyBasis";
import { parse as archive } from "./archive";
import { parse as basicInfo } from "./basicInfo";
import { parse as disputeGuide } from "./disputeGuide";
import { parse as disputeRules } from "./disputeRules";
import { parse as guide25 } from "./guide25";
import { parse as handleBasis } from "./handleBasis";
import { parse as hotline } from "./hotline";
import { parse as manual } from "./manual";
import { parse as notice } from "./notice";
import { parse as projectName } from "./projectName";
import { parse as spec } from "./spec";
import { parse as unempGuide } from "./unempGuide";

export const FAMILY_PARSERS: Record<string, FamilyParser> = {
  spec,
  guide25,
  basicInfo,
  unempGuide,
  applyBasis,
  acceptCond,
  projectName,
  handleBasis,
  disputeGuide,
  disputeRules,
  hotline,
  archive,
  manual,
  notice,
};
