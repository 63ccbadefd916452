/**
 * The Redis side of a cluster on its own: two buses on one key prefix (as two instances would
 * be), on the machine's Redis. What one publishes for a document reaches the other, never its
 * own feed, and the document's stream carries a time to live, so a document nobody writes to
 * any more leaves Redis.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocFeed } from "../../server/cluster/ClusterBus";
import { ClusterBus } from "../../server/cluster/ClusterBus";
import { uniqueName } from "./helpers/postgres";
import { waitFor } from "./helpers/waitFor";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const DOC = "item:bus-test";
const DAY_MS = 24 * 3600_000;

interface Heard {
  updates: Array<{ first: number; last: number; update: number[] }>;
  awareness: number[][];
}

function recorder(): { feed: DocFeed; heard: Heard } {
  const heard: Heard = { updates: [], awareness: [] };
  return {
    heard,
    feed: {
      update: (first, last, update) => heard.updates.push({ first, last, update: [...update] }),
      awareness: (update) => heard.awareness.push([...update]),
    },
  };
}

describe("the cluster bus", () => {
  const prefix = `${uniqueName("bus")}:`;
  let a: ClusterBus;
  let b: ClusterBus;
  let redis: Redis;

  beforeAll(async () => {
    const options = { url: REDIS_URL, prefix, log: () => undefined };
    [a, b] = await Promise.all([ClusterBus.connect(options), ClusterBus.connect(options)]);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("hands a published update to the other instance, not back to its own", async () => {
    const mine = recorder();
    const theirs = recorder();
    a.follow(DOC, await a.docPosition(DOC), mine.feed);
    b.follow(DOC, await b.docPosition(DOC), theirs.feed);

    a.publishUpdate(DOC, 7, 9, new Uint8Array([1, 2, 3]));
    a.publishAwareness(DOC, new Uint8Array([4, 5]));

    await waitFor(() => theirs.heard.awareness.length === 1, { message: "awareness at b" });
    expect(theirs.heard.updates).toEqual([{ first: 7, last: 9, update: [1, 2, 3] }]);
    expect(theirs.heard.awareness).toEqual([[4, 5]]);
    // b's own message, published after a's, arriving at a shows a has read past its own.
    b.publishUpdate(DOC, 10, 10, new Uint8Array([6]));
    await waitFor(() => mine.heard.updates.length === 1, { message: "b's update at a" });
    expect(mine.heard).toEqual({ updates: [{ first: 10, last: 10, update: [6] }], awareness: [] });
  });

  it("gives a document's stream a time to live of a day", async () => {
    const key = a.docKey(DOC);
    const ttl = await waitFor(async () => {
      const ms = await redis.pttl(key);
      return ms > 0 ? ms : null;
    });
    expect(ttl).toBeGreaterThan(DAY_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(DAY_MS);
    expect(await redis.xlen(key)).toBe(3);
  });
});
