/**
 * An OFD file (GB/T 33190) is a ZIP package whose root holds `OFD.xml`, the entry file, with the
 * root element `ofd:OFD`. Any other ZIP (a .docx, a renamed archive) is not an OFD.
 */
import "server-only";
import { inflateRawSync } from "node:zlib";
import { isOfdRootXml, zipEntry } from "@/runtime/forms/fileTypes";

/** The entry file is small; a larger one is refused rather than inflated. */
const MAX_ENTRY_BYTES = 1024 * 1024;

export function isOfdPackage(bytes: Uint8Array): boolean {
  const entry = zipEntry(bytes, "OFD.xml");
  if (!entry || entry.uncompressedSize > MAX_ENTRY_BYTES) return false;
  let xml: Buffer;
  try {
    if (entry.method === 0) xml = Buffer.from(entry.data);
    else if (entry.method === 8) xml = inflateRawSync(entry.data, { maxOutputLength: MAX_ENTRY_BYTES });
    else return false;
  } catch {
    return false;
  }
  return isOfdRootXml(xml.toString("utf8"));
}
