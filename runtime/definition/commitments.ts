/** 证明事项告知承诺制: which materials an applicant may commit to instead of providing. Pure. */
import type { Material, ServiceDefinition } from "./schema";

export function allowsCommitment(material: Pick<Material, "commitmentAllowed" | "formId">): boolean {
  return material.commitmentAllowed === true && !material.formId;
}

export function committableMaterials(definition: ServiceDefinition): Material[] {
  return definition.materials.filter(allowsCommitment);
}

/** The words the applicant agrees to when committing (as the document's 承诺书 puts them). */
export function commitmentWording(materialName: string): string {
  return `本人已阅读《社会保险经办业务证明事项告知承诺制告知书》，对证明义务和办理条件已充分知晓，以承诺代替提交“${materialName}”，承诺所填报和提交的信息真实、准确、完整、有效，同意经办机构事后核查；如作出不实承诺，愿承担相应法律责任。`;
}
