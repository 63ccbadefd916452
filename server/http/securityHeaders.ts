/**
 * Security headers on every response, from helmet: a strict Content-Security-Policy, no framing,
 * nosniff, a same-origin Referrer-Policy, HSTS behind https, plus a Permissions-Policy (which
 * helmet leaves to the application) that turns off every device API the app never uses.
 *
 * The policy, and why each source is there:
 * - `script-src 'self'`: the Vite build is module scripts from our origin; no inline script, no
 *   eval anywhere (pdf.js runs on the server only).
 * - `style-src 'self'`, nothing inline: the built stylesheets. TipTap's base styles are one of
 *   them (its editors run with `injectCSS: false`); the print rules of the agenda preview are a
 *   constructed stylesheet; React, ProseMirror and y-tiptap set styles through the CSSOM
 *   (`element.style…`), which CSP does not govern — the browser test of every page, co-writing
 *   with remote carets and selections included, sees no violation. Server-rendered pages (the
 *   public site, published and exported HTML) carry one `<style>` element each, allowed by its
 *   SHA-256 hash, computed when the page is sent (`sendHtml`).
 * - `connect-src 'self'`: the API and the sync websocket (CSP 3 lets 'self' match ws:/wss: of
 *   the same host).
 * - `frame-ancestors 'none'` (and X-Frame-Options DENY): nothing may frame the app, so approve
 *   and publish buttons cannot be clickjacked. Only the public pages may be framed, by the
 *   origins in `publicFrameAncestors` (`PUBLIC_FRAME_ANCESTORS`), e.g. the municipality's site.
 */
import { createHash } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

export interface SecurityHeaderOptions {
  /** The public URL; https turns on HSTS and upgrade-insecure-requests. */
  publicUrl: string | null;
  /** Origins that may frame the public pages (`/offentlig…`); empty: nobody. */
  publicFrameAncestors: readonly string[];
}

/** Device APIs the app never uses, refused for the page and anything it embeds. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

const PUBLIC_PREFIX = "/offentlig";
const CSP_HEADER = "Content-Security-Policy";

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const https = (options.publicUrl ?? "").startsWith("https://");
  const framers = options.publicFrameAncestors.map((origin) => new URL(origin).origin);
  const headersFor = (frameAncestors: readonly string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: frameAncestors.length > 0 ? [...frameAncestors] : ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // A framing allow-list is expressed by frame-ancestors alone; X-Frame-Options cannot list.
      xFrameOptions: frameAncestors.length > 0 ? false : { action: "deny" },
      strictTransportSecurity: https
        ? { maxAge: 365 * 24 * 3600, includeSubDomains: false }
        : false,
      referrerPolicy: { policy: "same-origin" },
    });
  const appHeaders = headersFor([]);
  const publicHeaders = framers.length > 0 ? headersFor(framers) : appHeaders;
  return (req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    const isPublic = req.path === PUBLIC_PREFIX || req.path.startsWith(`${PUBLIC_PREFIX}/`);
    (isPublic ? publicHeaders : appHeaders)(req, res, next);
  };
}

/**
 * Sends an HTML document the server rendered itself (the public site, published and exported
 * HTML), allowing exactly its own `<style>` elements by hash. Everything user-written in such a
 * document is escaped when it is rendered, so its style elements are ours.
 */
export function sendHtml(res: Response, html: string): void {
  const hashes = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map(
    ([, css]) => `'sha256-${createHash("sha256").update(css!, "utf8").digest("base64")}'`,
  );
  const policy = res.getHeader(CSP_HEADER);
  if (typeof policy === "string" && hashes.length > 0) {
    res.setHeader(
      CSP_HEADER,
      policy
        .split(";")
        .map((directive) =>
          /^\s*style-src\s/.test(directive) ? `${directive} ${hashes.join(" ")}` : directive,
        )
        .join(";"),
    );
  }
  res.type("html").send(html);
}
