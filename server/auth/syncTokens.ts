/**
 * Short-lived tokens that let a websocket client without cookies (the y-websocket client's
 * `params` option) open one document as one person. A token is `<payload>.<signature>`, both
 * base64url; the payload names the user, the session it was minted under, the document and the
 * expiry, the signature is an HMAC-SHA256 with a secret kept in the store. A genuine token is not
 * enough: the sync server also checks that its session still lives, so logout ends its tokens.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface SyncTokenClaims {
  userId: string;
  /** The session the token was minted under. */
  sid: string;
  doc: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export class SyncTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(userId: string, sessionId: string, doc: string): string {
    const claims: SyncTokenClaims = { userId, sid: sessionId, doc, exp: this.now() + this.ttlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${payload}.${this.sign(payload)}`;
  }

  /** The claims when the token is genuine, unexpired and for this document; else null. */
  verify(token: string, doc: string): SyncTokenClaims | null {
    const [payload, signature, extra] = token.split(".");
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: SyncTokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SyncTokenClaims;
    } catch {
      return null;
    }
    if (typeof claims.exp !== "number" || claims.exp <= this.now()) return null;
    if (claims.doc !== doc || typeof claims.userId !== "string" || typeof claims.sid !== "string")
      return null;
    return claims;
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }
}
