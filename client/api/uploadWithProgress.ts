/**
 * File uploads as the raw request body, over XMLHttpRequest because fetch cannot report upload
 * progress. Same contract as `apiFetch`: CSRF header, JSON answer, `ApiError` on refusal.
 */
import { ApiError, readCookie } from "./apiFetch";

export interface UploadOptions {
  /** Called with 0…1 as the bytes go out. */
  onProgress?: (fraction: number) => void;
  /** Called once every byte is sent and the server is working on it. */
  onSent?: () => void;
  signal?: AbortSignal;
}

const TOO_LARGE_FALLBACK = "Filen er for stor.";

export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  options: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    const token = readCookie("dagsorden_csrf");
    if (token !== null) xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    });
    xhr.upload.addEventListener("load", () => {
      options.onProgress?.(1);
      options.onSent?.();
    });
    xhr.addEventListener("load", () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const { error, message } = (payload ?? {}) as { error?: unknown; message?: unknown };
      reject(
        new ApiError(
          xhr.status,
          typeof error === "string" ? error : `http_${xhr.status}`,
          typeof message === "string"
            ? message
            : xhr.status === 413
              ? TOO_LARGE_FALLBACK
              : xhr.statusText,
        ),
      );
    });
    xhr.addEventListener("error", () =>
      reject(new ApiError(0, "network_error", "Serveren kan ikke nås.")),
    );
    xhr.addEventListener("abort", () => reject(new DOMException("Upload afbrudt", "AbortError")));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException("Upload afbrudt", "AbortError"));
        return;
      }
      options.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}
