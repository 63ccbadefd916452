import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { StoreError } from "../store";
import { ApiError } from "./ApiError";

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(new ApiError(404, "not_found", `No route ${req.method} ${req.path}`));
  };
}

export function errorHandler(
  log: (message: string, context?: Record<string, unknown>) => void,
): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof ApiError) {
      res
        .status(error.status)
        .json({ error: error.code, message: error.message, details: error.details });
      return;
    }
    if (error instanceof StoreError && error.code === "store_unavailable") {
      // Nothing was changed; the request can be sent again once the database is back.
      log("database unavailable", { method: req.method, path: req.path });
      res.set("Retry-After", "5");
      res.status(503).json({
        error: "store_unavailable",
        message: "Databasen kan ikke nås lige nu. Prøv igen om lidt.",
      });
      return;
    }
    if (error instanceof ZodError) {
      res
        .status(400)
        .json({ error: "invalid_request", message: "Ugyldig forespørgsel", details: error.issues });
      return;
    }
    // body-parser's own errors carry a status and a type.
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (status === 413) {
      res.status(413).json({ error: "payload_too_large", message: "Forespørgslen er for stor" });
      return;
    }
    if (type === "entity.parse.failed") {
      res.status(400).json({ error: "invalid_json", message: "Forespørgslen er ikke gyldig JSON" });
      return;
    }
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: "bad_request", message: (error as Error).message });
      return;
    }
    log("unhandled error", { method: req.method, path: req.path, error: (error as Error).stack });
    res.status(500).json({ error: "internal_error", message: "Der opstod en fejl på serveren" });
  };
}
