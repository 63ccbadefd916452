import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";

/**
 * A text file's bytes as text, or why they are not text. UTF-8 (with or without BOM) and UTF-16
 * with a BOM are read as such. Bytes that are not valid UTF-8 are read as Windows-1252 (what
 * older Danish Windows tools save) only if they hold no control characters and no bytes that
 * encoding leaves undefined; anything else is binary. An invalid UTF-8 sequence at the very end
 * means the file was cut off mid-character.
 */

export interface DecodedText {
  text: string;
  warnings: string[];
}

const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array): ImportResult<DecodedText> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decode("utf-16le", bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decode("utf-16be", bytes.subarray(2)));

  const utf8 = decode("utf-8", bytes, true);
  if (utf8 !== null) return checked(utf8.replace(/^\uFEFF/, ""));

  if (endsMidCharacter(bytes)) {
    return importFailure(
      "import_truncated",
      "Filen ser ud til at være afskåret: den slutter midt i et tegn.",
    );
  }
  const hasControlBytes = bytes.some((byte) => isControl(String.fromCharCode(byte)));
  if (hasControlBytes || bytes.some((byte) => UNDEFINED_IN_1252.has(byte))) {
    return binary();
  }
  const result = checked(decode("windows-1252", bytes) ?? "");
  if (!result.ok) return result;
  result.value.warnings.push("Filen er ikke UTF-8; den er læst som Windows-1252 (Vesteuropæisk).");
  return result;
}

/** Valid UTF-8 but for an incomplete multi-byte sequence in the last three bytes. */
function endsMidCharacter(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
    const start = bytes[bytes.length - cut]!;
    if (start >= 0xc0 && decode("utf-8", bytes.subarray(0, bytes.length - cut), true) !== null) {
      return true;
    }
  }
  return false;
}

function decode(encoding: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function checked(text: string | null): ImportResult<DecodedText> {
  if (text === null) return binary();
  let controls = 0;
  let clean = "";
  for (const character of text) {
    if (isControl(character)) controls += 1;
    else clean += character;
  }
  // A stray control character happens in real exports; many mean the bytes are not text.
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 1000)) return binary();
  return { ok: true, value: { text: clean, warnings: [] } };
}

/** C0 controls and DEL, except tab, line feed, form feed (page break) and carriage return. */
function isControl(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(code)) || code === 0x7f;
}

function binary(): ImportResult<never> {
  return importFailure(
    "import_unreadable",
    "Filen kan ikke læses: den er hverken tekst, PDF eller Word (.docx).",
  );
}
