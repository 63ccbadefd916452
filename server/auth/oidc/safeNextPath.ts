const MAX_NEXT_LENGTH = 2000;

/**
 * Where to send the person after login: a path on this site, or "/". Anything that a browser
 * could read as another host is refused: `//host` (scheme-relative), and backslashes, which
 * browsers treat as slashes (`/\host`). Control characters are refused because browsers strip
 * tabs and newlines from URLs, which can turn an innocent-looking value into `//host`.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_NEXT_LENGTH) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.includes("\\") || hasControlCharacter(value)) return "/";
  return value;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
