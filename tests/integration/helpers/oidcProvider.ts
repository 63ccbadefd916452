/**
 * A real OpenID provider (panva's oidc-provider, the certified implementation) on 127.0.0.1,
 * with its development login and consent pages, which the tests fill in over HTTP.
 *
 * The provider must know our callback URL and our server must know the provider's issuer, so
 * the provider listens first and answers 503 until `configure` is called with our callback.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { Provider } from "oidc-provider";

export interface TestAccount {
  email: string;
  email_verified?: boolean;
}

export interface TestProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface TestProvider {
  issuer: string;
  /** Paths requested so far, in order (to see which endpoints our server used). */
  requests: string[];
  configure(
    client: TestProviderClient,
    accounts: Record<string, TestAccount>,
    options?: { emailInIdToken?: boolean },
  ): void;
  close(): Promise<void>;
}

export async function listenTestProvider(): Promise<TestProvider> {
  let handler: RequestListener | null = null;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(new URL(req.url ?? "/", "http://provider").pathname);
    if (handler) {
      handler(req, res);
      return;
    }
    res.writeHead(503).end("not configured yet");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    requests,
    configure(client, accounts, { emailInIdToken = false } = {}) {
      const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: [client.redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        findAccount: (_ctx, sub) => {
          const account = accounts[sub];
          return account && { accountId: sub, claims: () => ({ sub, ...account }) };
        },
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        // By default the provider puts scope-requested claims only in userinfo; Entra ID puts
        // `email` in the ID token. Both are tested.
        conformIdTokenClaims: !emailInIdToken,
        cookies: { keys: ["oidc-test-cookie-key"] },
        features: { devInteractions: { enabled: true } },
        jwks: { keys: [{ ...signingKey.export({ format: "jwk" }), kid: "test", use: "sig" }] },
        pkce: { required: () => true },
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 600,
          IdToken: 600,
          Interaction: 600,
          Session: 600,
        },
      });
      handler = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
