/** Logs in over HTTP the way the browser does and keeps the cookies for later requests. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** The session id (the value of the httpOnly session cookie). */
  sessionId: string;
  /** fetch with the session cookie and CSRF header. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
  syncToken(doc: string): Promise<string>;
}

export async function login(
  baseUrl: string,
  email: string,
  password = "demo",
): Promise<TestSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { user: { id: string }; csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const sessionId = /dagsorden_session=([^;]+)/.exec(cookie)?.[1] ?? "";
  const session: TestSession = {
    cookie,
    csrfToken: json.csrfToken,
    userId: json.user.id,
    sessionId,
    request(method, path, body) {
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": json.csrfToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async syncToken(doc) {
      const res = await session.request("POST", "/api/sync-token", { doc });
      if (!res.ok) throw new Error(`sync-token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
  };
  return session;
}
