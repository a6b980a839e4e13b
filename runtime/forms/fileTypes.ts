/**
 * Material uploads: allowed types recognised by their content (not by what the client claims),
 * and the size limit. Pure: the server checks uploads with it, the browser checks before sending.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Per case: at most this many files and this many bytes in all. */
export const MAX_CASE_FILES = 50;
export const MAX_CASE_BYTES = 100 * 1024 * 1024;
export const CASE_QUOTA_TEXT = `每个办件最多上传 ${MAX_CASE_FILES} 个文件、共 ${MAX_CASE_BYTES / 1024 / 1024} MB`;

export interface FileType {
  mime: string;
  extensions: string[];
  label: string;
}

const types: { type: FileType; magic: number[] }[] = [
  { type: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" }, magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPG" }, magic: [0xff, 0xd8, 0xff] },
  { type: { mime: "image/png", extensions: ["png"], label: "PNG" }, magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // OFD (GB/T 33190) is a ZIP container.
  { type: { mime: "application/ofd", extensions: ["ofd"], label: "OFD" }, magic: [0x50, 0x4b, 0x03, 0x04] },
];

/** The allowed types, for the browser's file picker. */
export const ALLOWED_TYPES: readonly FileType[] = types.map((t) => t.type);

export const ALLOWED_TYPES_TEXT = ALLOWED_TYPES.map((t) => t.label).join("、");

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** The file's type when its content and its extension agree on an allowed type, otherwise null. */
export function sniffFileType(fileName: string, head: Uint8Array): FileType | null {
  const ext = extensionOf(fileName);
  for (const { type, magic } of types) {
    if (magic.every((byte, i) => head[i] === byte)) return type.extensions.includes(ext) ? type : null;
  }
  return null;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;

/** Where a ZIP entry's data lies: its compression method (0 stored, 8 deflate) and its bytes. */
export interface ZipEntryData {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  data: Uint8Array;
}

/**
 * The entry `name` of a ZIP read from its central directory (not from the local headers, which
 * anything may precede), or null when the bytes are not a well-formed ZIP or lack the entry.
 */
export function zipEntry(bytes: Uint8Array, name: string): ZipEntryData | null {
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirStart = u32(bytes, eocd + 16);
  if (dirStart + dirSize > eocd) return null;
  const wanted = new TextEncoder().encode(name);
  let at = dirStart;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || u32(bytes, at) !== 0x02014b50) return null;
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > eocd) return null;
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === wanted.length && entryName.every((byte, j) => byte === wanted[j])) {
      const local = u32(bytes, at + 42);
      if (local + 30 > dirStart || u32(bytes, local) !== 0x04034b50) return null;
      const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (dataStart + compressedSize > dirStart) return null;
      return { method, compressedSize, uncompressedSize, data: bytes.subarray(dataStart, dataStart + compressedSize) };
    }
    at = next;
  }
  return null;
}

/** Whether an XML document's root element is `OFD` (as `ofd:OFD` in GB/T 33190's files). */
export function isOfdRootXml(xml: string): boolean {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trimStart();
  return /^<(?:[A-Za-z_][\w.-]*:)?OFD[\s/>]/.test(body);
}

/** A file name safe to store and show: no path, no control characters, bounded length. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join("").trim();
  return cleaned.slice(-120) || "未命名文件";
}
