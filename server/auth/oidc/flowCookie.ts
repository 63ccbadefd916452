/**
 * What the browser carries from `/start` to `/callback`: state, nonce, PKCE verifier and where
 * to go afterwards. It is sealed with AES-256-GCM, so the browser can neither read the verifier
 * nor forge or alter any of it, and it carries its own expiry, which the server checks (a
 * cookie's max-age is only a request to the browser).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { CookieOptions } from "express";
import { z } from "zod";

export const FLOW_COOKIE = "dagsorden_oidc";
export const FLOW_TTL_MS = 10 * 60 * 1000;
/** Sent back only to the OIDC routes, not to every API request. */
const FLOW_COOKIE_PATH = "/api/auth/oidc";

const IV_BYTES = 12;
const TAG_BYTES = 16;

const Flow = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  next: z.string(),
  expiresAt: z.number(),
});
export type Flow = z.infer<typeof Flow>;

export function flowCookieOptions(secure: boolean): CookieOptions {
  // Lax: the callback is a top-level GET navigation from the provider, which Lax lets through.
  return { httpOnly: true, sameSite: "lax", secure, path: FLOW_COOKIE_PATH, maxAge: FLOW_TTL_MS };
}

/** The AES key for flow cookies, derived from the stored secret (never the secret itself). */
export function flowKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "dagsorden oidc flow cookie", 32));
}

export function sealFlow(key: Buffer, flow: Flow): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(FLOW_COOKIE));
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** The flow sealed in `value`, or null when it is missing, altered, foreign or expired. */
export function openFlow(key: Buffer, value: string | undefined, now: number): Flow | null {
  if (!value) return null;
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(FLOW_COOKIE));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let json: string;
  try {
    json = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    // The authentication tag did not match: altered, truncated or sealed with another key.
    return null;
  }
  const parsed = Flow.safeParse(JSON.parse(json));
  if (!parsed.success || parsed.data.expiresAt <= now) return null;
  return parsed.data;
}
