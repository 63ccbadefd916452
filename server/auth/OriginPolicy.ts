/**
 * Which web origins may act with a person's session cookie. A browser attaches the SameSite=Lax
 * session cookie to requests from every page of the same *site* — another port of the host, a
 * sibling subdomain of the municipality — so the cookie alone does not prove that our own page
 * made the request. The `Origin` header does: browsers send it on every websocket handshake and on
 * every state-changing request, and a page cannot forge it.
 *
 * Allowed: the origin the request was addressed to (scheme and `Host`), the configured public URL
 * and an explicit allow-list (for deployments behind a proxy that rewrites `Host`). A request
 * without `Origin` falls back to the origin of its `Referer`; one with neither comes from a
 * program, not a page, and is allowed (it still needs the session cookie and, over HTTP, the
 * CSRF token). `Origin: null` (sandboxed frames, file: pages) is refused.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

export class OriginPolicy {
  private readonly configured: ReadonlySet<string>;

  /** `origins`: URLs whose origins are allowed besides the request's own (e.g. PUBLIC_URL). */
  constructor(origins: readonly string[] = []) {
    this.configured = new Set(origins.map(originOf));
  }

  /**
   * From the environment: `PUBLIC_URL` and `ALLOWED_ORIGINS` (comma-separated). Throws on a
   * value that is not a URL, so a typo fails at start instead of refusing every request.
   */
  static fromEnv(env: NodeJS.ProcessEnv): string[] {
    const list = [env.PUBLIC_URL ?? "", ...(env.ALLOWED_ORIGINS ?? "").split(",")]
      .map((value) => value.trim())
      .filter((value) => value !== "");
    for (const value of list) originOf(value);
    return list;
  }

  /** The origins allowed besides each request's own, for logs and docs. */
  get allowList(): string[] {
    return [...this.configured];
  }

  /** Whether the page (if any) that made this request may use the session cookie. */
  allows(req: IncomingMessage): boolean {
    const claimed = claimedOrigin(req);
    if (claimed === undefined) return true;
    if (claimed === null) return false;
    return claimed === requestOrigin(req) || this.configured.has(claimed);
  }
}

/** `scheme://host[:port]` of a URL; throws when `url` is not an absolute http(s) URL. */
function originOf(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new Error(`not an http(s) origin: ${url}`);
  return parsed.origin;
}

/**
 * The origin of the page behind the request: the `Origin` header, else the origin of `Referer`;
 * null for an opaque origin ("null") or an unparsable one; undefined when neither header is there.
 */
function claimedOrigin(req: IncomingMessage): string | null | undefined {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const value = origin ?? referer;
  if (value === undefined) return undefined;
  try {
    return originOf(value);
  } catch {
    return null;
  }
}

/**
 * The origin the request was addressed to. The scheme is https on a TLS socket, or what a proxy
 * on the loopback interface says in `X-Forwarded-Proto` (the app trusts loopback proxies only).
 */
function requestOrigin(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host) return null;
  let scheme = (req.socket as TLSSocket).encrypted ? "https" : "http";
  const forwarded = req.headers["x-forwarded-proto"];
  if (typeof forwarded === "string" && isLoopback(req.socket.remoteAddress)) {
    const first = forwarded.split(",")[0]!.trim().toLowerCase();
    if (first === "http" || first === "https") scheme = first;
  }
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}
