/**
 * Material uploads: allowed types recognised by their content (not by what the client claims),
 * and the size limit. Pure: the server checks uploads with it, the browser checks before sending.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

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

/** A file name safe to store and show: no path, no control characters, bounded length. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join("").trim();
  return cleaned.slice(-120) || "未命名文件";
}
