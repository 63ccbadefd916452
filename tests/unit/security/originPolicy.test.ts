import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { OriginPolicy } from "../../../server/auth/OriginPolicy";
import { retryAfterText } from "../../../server/http/retryAfterText";

function request(headers: Record<string, string>, remoteAddress = "10.0.0.5"): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("OriginPolicy", () => {
  const policy = new OriginPolicy(["https://dagsorden.kommune.dk/app", "https://intra.kommune.dk"]);
  const host = { host: "dagsorden.internal:3000" };

  it("allows the request's own origin, the configured ones, and programs without Origin or Referer", () => {
    expect(policy.allows(request({ ...host, origin: "http://dagsorden.internal:3000" }))).toBe(
      true,
    );
    expect(policy.allows(request({ ...host, origin: "https://dagsorden.kommune.dk" }))).toBe(true);
    expect(policy.allows(request({ ...host, origin: "https://intra.kommune.dk" }))).toBe(true);
    expect(policy.allows(request(host))).toBe(true);
  });

  it("refuses another port, another scheme, a sibling subdomain, null and garbage", () => {
    for (const origin of [
      "http://dagsorden.internal:3001",
      "https://dagsorden.internal:3000",
      "https://andet.kommune.dk",
      "null",
      "ikke en url",
    ])
      expect(policy.allows(request({ ...host, origin })), origin).toBe(false);
  });

  it("falls back to the Referer's origin", () => {
    expect(
      policy.allows(request({ ...host, referer: "http://dagsorden.internal:3000/moeder" })),
    ).toBe(true);
    expect(policy.allows(request({ ...host, referer: "https://evil.example/x" }))).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a loopback proxy", () => {
    const forwarded = {
      ...host,
      origin: "https://dagsorden.internal:3000",
      "x-forwarded-proto": "https",
    };
    expect(policy.allows(request(forwarded, "127.0.0.1"))).toBe(true);
    expect(policy.allows(request(forwarded, "10.0.0.5"))).toBe(false);
  });

  it("reads configured origins from the environment and rejects what is not a URL", () => {
    expect(
      OriginPolicy.fromEnv({
        PUBLIC_URL: "https://a.dk",
        ALLOWED_ORIGINS: " https://b.dk, ,https://c.dk",
      }),
    ).toEqual(["https://a.dk", "https://b.dk", "https://c.dk"]);
    expect(() => OriginPolicy.fromEnv({ ALLOWED_ORIGINS: "b.dk" })).toThrow();
  });
});

describe("retryAfterText", () => {
  it("says the wait in Danish, rounded up", () => {
    expect(retryAfterText(400)).toBe("om 1 sekund");
    expect(retryAfterText(30_000)).toBe("om 30 sekunder");
    expect(retryAfterText(60_000)).toBe("om 1 minut");
    expect(retryAfterText(14 * 60_000 + 1)).toBe("om 15 minutter");
  });
});
