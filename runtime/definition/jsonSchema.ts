/** The contract as a JSON Schema document (draft 2020-12), generated from the zod schema. */
import { z } from "zod";
import { serviceDefinition } from "./schema";

export function contractJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(serviceDefinition, { target: "draft-2020-12", io: "input" }),
    $id: "https://hrss.nmg.example/contract/service-definition.schema.json",
    title: "服务事项定义 (service definition)",
  };
}
