/**
 * Signing in to our server the way the client does: `POST /api/auth/login` for the session
 * cookie, then `POST /api/sync-token` (with the CSRF cookie echoed in `X-CSRF-Token`) for a
 * token per document. Tokens are valid for 5 minutes (Limits.syncTokenTtlMs) and may be reused
 * by several connections, so they are cached for 4.
 */
import { Limits } from "../../../shared/protocol";

const BENCH_ACCOUNT = { email: "sekretariat@demo.dk", password: "demo" };
const TOKEN_REUSE_MS = Limits.syncTokenTtlMs - 60_000;

export class OursSession {
  private cookies: Promise<{ header: string; csrf: string }> | null = null;
  private readonly tokens = new Map<string, { token: string; at: number }>();

  constructor(private readonly baseUrl: string) {}

  private login(): Promise<{ header: string; csrf: string }> {
    this.cookies ??= (async () => {
      const response = await fetch(`${this.baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(BENCH_ACCOUNT),
      });
      if (!response.ok)
        throw new Error(`login failed: ${response.status} ${await response.text()}`);
      const pairs = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
      const csrf = pairs.find((pair) => pair.startsWith("dagsorden_csrf="))?.split("=")[1] ?? "";
      return { header: pairs.join("; "), csrf: decodeURIComponent(csrf) };
    })();
    return this.cookies;
  }

  /** A request as the signed-in secretariat (session cookie and CSRF header). */
  async request(
    path: string,
    init: { method: string; body?: Uint8Array<ArrayBuffer> },
  ): Promise<Response> {
    const { header, csrf } = await this.login();
    return fetch(`${this.baseUrl}${path}`, {
      method: init.method,
      headers: { cookie: header, "x-csrf-token": csrf },
      body: init.body ? new Uint8Array(init.body) : undefined,
    });
  }

  async syncToken(docName: string): Promise<string> {
    const cached = this.tokens.get(docName);
    if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token;
    const { header, csrf } = await this.login();
    const response = await fetch(`${this.baseUrl}/api/sync-token`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: header, "x-csrf-token": csrf },
      body: JSON.stringify({ doc: docName }),
    });
    if (!response.ok)
      throw new Error(`sync-token failed: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(docName, { token, at: Date.now() });
    return token;
  }
}
