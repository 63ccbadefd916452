import { ApiError } from "../http/ApiError";

/**
 * The one refusal of every write path while the minutes are approved (`isRecordFrozen`):
 * HTTP 409 `record_frozen`. The sync server's equivalent is the connection's `read` access.
 */
export function recordFrozenError(): ApiError {
  return new ApiError(
    409,
    "record_frozen",
    "Referatet er godkendt, og mødet er låst. Genåbn referatet for at ændre noget.",
  );
}
