/**
 * Limits failed logins per account and per client address within a sliding window. Once a
 * limit is reached, further attempts are refused before the password is even checked, until
 * the oldest failure leaves the window. A successful login clears the account's failures.
 *
 * Failures are kept in the store, so every instance of a cluster counts the same attempts and
 * a restart does not reset the count.
 */
import type { LoginFailureStore } from "../store";

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60_000,
};

const accountKey = (account: string) => `account:${account.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailureStore,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfterMs(account: string, address: string): Promise<number> {
    const [byAccount, byAddress] = await Promise.all([
      this.wait(accountKey(account), this.limits.perAccount),
      this.wait(addressKey(address), this.limits.perAddress),
    ]);
    return Math.max(byAccount, byAddress);
  }

  recordFailure(account: string, address: string): Promise<void> {
    return this.failures.recordLoginFailure([accountKey(account), addressKey(address)], this.now());
  }

  recordSuccess(account: string): Promise<void> {
    return this.failures.clearLoginFailures(accountKey(account));
  }

  private async wait(key: string, limit: number): Promise<number> {
    const now = this.now();
    const recent = await this.failures.loginFailuresSince(key, now - this.limits.windowMs);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.limits.windowMs - now;
  }
}
