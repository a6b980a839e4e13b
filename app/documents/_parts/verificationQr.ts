/** The verification QR code of an issued document, as inline SVG, pointing at its public check page. */
import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";

/** The site's own address: PUBLIC_URL, else the host the request came to. */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.PUBLIC_URL?.replace(/\/$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export async function verificationQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M", width: 112 });
}
