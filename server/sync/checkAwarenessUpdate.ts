import * as decoding from "lib0/decoding";
import { ProtocolError } from "./messages";

/**
 * Reads an awareness update in full without applying it. y-protocols applies states as it
 * decodes them, so a malformed update would otherwise be half applied before it throws.
 */
export function checkAwarenessUpdate(update: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder); // client id
      decoding.readVarUint(decoder); // clock
      JSON.parse(decoding.readVarString(decoder));
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
  } catch (error) {
    throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`);
  }
}
