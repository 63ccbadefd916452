import type { APIRequestContext, Browser } from "playwright-core";

export interface ApiPerson {
  /** POSTs JSON with the session cookie and the CSRF header; throws on a non-2xx answer. */
  post(path: string, body: unknown): Promise<unknown>;
  get(path: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A person talking to the HTTP API directly (their own cookie jar), for arranging what a
 * browser test starts from — e.g. a workflow step taken by someone not on screen.
 */
export async function apiAs(browser: Browser, baseUrl: string, email: string): Promise<ApiPerson> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const request: APIRequestContext = context.request;
  const login = await request.post("/api/auth/login", { data: { email, password: "demo" } });
  if (!login.ok()) throw new Error(`login as ${email}: HTTP ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async post(path, body) {
      const response = await request.post(path, {
        data: body,
        headers: { "X-CSRF-Token": csrfToken },
      });
      if (!response.ok()) {
        throw new Error(`POST ${path} as ${email}: ${response.status()} ${await response.text()}`);
      }
      return response.json();
    },
    async get(path) {
      const response = await request.get(path);
      if (!response.ok()) throw new Error(`GET ${path} as ${email}: ${response.status()}`);
      return response.json();
    },
    close: () => context.close(),
  };
}
