/**
 * Just enough of a browser for the OIDC round trip: a cookie jar that honours host, path and
 * expiry, requests that never follow redirects by themselves, and a driver for oidc-provider's
 * development login and consent forms.
 */

interface StoredCookie {
  host: string;
  path: string;
  name: string;
  value: string;
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** The `Cookie` header a browser would send to `url`. */
  header(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.host && pathMatches(url.pathname, c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      let path = url.pathname.slice(0, url.pathname.lastIndexOf("/")) || "/";
      let expired = false;
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = val;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(val) <= Date.now()) expired = true;
      }
      this.cookies = this.cookies.filter(
        (c) => !(c.host === url.host && c.path === path && c.name === name),
      );
      if (!expired) this.cookies.push({ host: url.host, path, name, value });
    }
  }

  get(url: URL, name: string): string | undefined {
    return this.cookies.find((c) => c.host === url.host && c.name === name)?.value;
  }

  set(url: URL, name: string, value: string, path = "/"): void {
    this.store(url, [`${name}=${value}; Path=${path}`]);
  }

  delete(url: URL, name: string): void {
    this.cookies = this.cookies.filter((c) => !(c.host === url.host && c.name === name));
  }
}

export class TestBrowser {
  readonly jar = new CookieJar();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const response = await fetch(target, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: this.jar.header(target),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.jar.store(target, response.headers.getSetCookie());
    return response;
  }

  /** Where a redirect response points, resolved against the URL it came from. */
  static location(response: Response, from: string | URL): URL {
    const location = response.headers.get("location");
    if (!location || response.status < 300 || response.status > 399)
      throw new Error(`expected a redirect from ${String(from)}, got ${response.status}`);
    return new URL(location, from);
  }
}

/**
 * At the provider: follows its redirects and fills in the login form (as `accountId`, or
 * cancels it when `accountId` is null) and the consent form, until the provider sends the
 * browser to a URL outside itself, which is returned without being requested.
 */
export async function signInAtProvider(
  browser: TestBrowser,
  authorizationUrl: URL,
  accountId: string | null,
): Promise<URL> {
  let url = authorizationUrl;
  for (let step = 0; step < 20; step++) {
    const response = await browser.request(url);
    if (response.status >= 300 && response.status <= 399) {
      const next = TestBrowser.location(response, url);
      if (next.origin !== authorizationUrl.origin) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${html}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]* action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`no login or consent form in: ${html}`);
    const submitUrl = new URL(decodeHtml(action), url);
    let answer: Response;
    if (prompt === "consent") answer = await browser.request(submitUrl, { form: { prompt } });
    else if (accountId !== null)
      answer = await browser.request(submitUrl, {
        form: { prompt, login: accountId, password: "any" },
      });
    // Cancelling is the login page's "abort" link: the provider then answers access_denied.
    else answer = await browser.request(new URL(`${submitUrl.pathname}/abort`, submitUrl));
    url = TestBrowser.location(answer, submitUrl);
    if (url.origin !== authorizationUrl.origin) return url;
  }
  throw new Error("the provider kept redirecting");
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function decodeHtml(text: string): string {
  return text
    .replaceAll("&#x2F;", "/")
    .replaceAll("&#47;", "/")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
