/** Which office's version of a service the applicant is reading: 「新城区版本」, 「自治区版本」. */
export function VersionBadge({ label }: { label: string }) {
  return <span className="ml-2 inline-block rounded bg-sky-50 px-1.5 py-0.5 text-xs font-normal text-sky-900 ring-1 ring-sky-200">{label}</span>;
}
