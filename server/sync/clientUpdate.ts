/** Decoding and first checks of a client's update, before it reaches the document. */
import * as Y from "yjs";
import type { BodyValidator } from "./bodyValidator";

export type DecodedUpdate = { structs: Array<Y.Item | Y.GC | Y.Skip> };

/** Why a client update was refused; the connection closes with the matching code. */
export class UpdateRejected extends Error {
  override name = "UpdateRejected";
  constructor(
    readonly code: "invalidUpdate" | "documentTooLarge" | "notASuggestion",
    message: string,
  ) {
    super(message);
  }
}

/** Decodes a client update in full, so that malformed bytes never reach the document. */
export function decodeClientUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new UpdateRejected("invalidUpdate", `undecodable update: ${(error as Error).message}`);
  }
}

/** Refuses an update that names a root the document's schema does not allow. */
export function checkRoots(validator: BodyValidator, decoded: DecodedUpdate): void {
  for (const struct of decoded.structs) {
    if (
      struct instanceof Y.Item &&
      typeof struct.parent === "string" &&
      !validator.rootAllowed(struct.parent)
    ) {
      throw new UpdateRejected("invalidUpdate", `update writes to unknown root "${struct.parent}"`);
    }
  }
}
