/** 25 MiB: agendas' bilag are reports and slides, not video. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

interface AllowedType {
  extensions: string[];
  contentType: string;
  /** Checks the first bytes, so a renamed executable is not accepted as a PDF. */
  sniff: (bytes: Buffer) => boolean;
}

const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isText = (b: Buffer) => !b.subarray(0, 4096).includes(0);

const ALLOWED: AllowedType[] = [
  {
    extensions: ["pdf"],
    contentType: "application/pdf",
    sniff: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  },
  {
    extensions: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    sniff: isZip,
  },
  {
    extensions: ["xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    sniff: isZip,
  },
  {
    extensions: ["pptx"],
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    sniff: isZip,
  },
  {
    extensions: ["png"],
    contentType: "image/png",
    sniff: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    extensions: ["jpg", "jpeg"],
    contentType: "image/jpeg",
    sniff: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  { extensions: ["txt"], contentType: "text/plain; charset=utf-8", sniff: isText },
  { extensions: ["csv"], contentType: "text/csv; charset=utf-8", sniff: isText },
];

/** The content type to store and serve, or null when the file is not an allowed kind. */
export function attachmentTypeOf(filename: string, bytes: Buffer): string | null {
  const extension = filename.toLowerCase().split(".").pop() ?? "";
  const type = ALLOWED.find((t) => t.extensions.includes(extension));
  return type && type.sniff(bytes) ? type.contentType : null;
}
