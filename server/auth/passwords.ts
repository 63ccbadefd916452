/**
 * argon2id with the library's defaults (OWASP's minimum: m=19 MiB, t=2, p=1). The native module
 * is loaded by the first password hashed or checked, not at start: a server whose people sign in
 * through OIDC never needs it.
 */
const argon2 = () => import("@node-rs/argon2");

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await argon2();
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Outside the try: a missing native module is an error, not a wrong password.
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
