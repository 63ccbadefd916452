/**
 * Decoding and encoding of websocket messages.
 *
 * Every message starts with a varUint type (shared/protocol.ts `MessageType`). Decoding is strict:
 * a message must be consumed exactly, with no trailing bytes; anything else is a `ProtocolError`,
 * which the connection answers by closing with `CloseCode.badMessage`. Decoding the *contents*
 * of a Yjs update is left to the document (it needs the document's state to judge it).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { Access } from "../../shared/permissions";
import { MessageType, SyncMessageType, type RefusedReasonValue } from "../../shared/protocol";

export type ClientMessage =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "syncStep2"; update: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" }
  | { type: "saveRequest"; requestId: number }
  | { type: "hello" };

export class ProtocolError extends Error {
  override name = "ProtocolError";
}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes after message");
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const subType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      switch (subType) {
        case SyncMessageType.step1:
          // Decoded now so that a malformed state vector is a protocol error, not a crash later.
          Y.decodeStateVector(payload);
          return { type: "syncStep1", stateVector: payload };
        case SyncMessageType.step2:
          return { type: "syncStep2", update: payload };
        case SyncMessageType.update:
          return { type: "update", update: payload };
        default:
          throw new ProtocolError(`unknown sync message type ${subType}`);
      }
    }
    case MessageType.awareness:
      return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { type: "queryAwareness" };
    case MessageType.saveRequest:
      return { type: "saveRequest", requestId: decoding.readVarUint(decoder) };
    case MessageType.hello:
      return { type: "hello" };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncMessageType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncMessageType.step2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncMessageType.update);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness update about nobody: valid for every client, changes nothing. Used as keep-alive. */
export const KEEPALIVE_MESSAGE: Uint8Array = encodeAwareness(new Uint8Array([0]));

/** y-protocols auth message "permission denied" (the stock client logs the reason). */
export function encodePermissionDenied(reason: string): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });
}

export function encodeSaved(requestId: number): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.saved);
    encoding.writeVarUint(e, requestId);
  });
}

export function encodeAccess(access: Access): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.access);
    encoding.writeVarString(e, access);
  });
}

export function encodeRefused(reason: RefusedReasonValue): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.refused);
    encoding.writeVarString(e, reason);
  });
}
