export const EXPORT_ERROR_CODES = ["export_item_not_found"] as const;
export type ExportErrorCode = (typeof EXPORT_ERROR_CODES)[number];

/**
 * Why an export cannot be made, with a stable id for the route to answer with (404 for an item
 * that is not on the agenda) and a Danish message for the person who asked.
 */
export class ExportError extends Error {
  override name = "ExportError";
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
