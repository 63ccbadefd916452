import { describe, expect, it } from "vitest";
import { SeqOrder } from "../../../server/sync/SeqOrder";

const u = (n: number) => new Uint8Array([n]);
const whole = (...ns: number[]) => ns.map((n) => ({ update: u(n), overlaps: false }));

describe("SeqOrder", () => {
  it("passes updates that follow on at once", () => {
    const order = new SeqOrder(4);
    expect(order.offer(5, 6, u(5))).toEqual(whole(5));
    expect(order.offer(7, 7, u(7))).toEqual(whole(7));
    expect(order.applied).toBe(7);
    expect(order.hasGap).toBe(false);
  });

  it("holds updates behind a hole until it is filled, then releases them in order", () => {
    const order = new SeqOrder(0);
    expect(order.offer(3, 4, u(3))).toEqual([]);
    expect(order.offer(6, 6, u(6))).toEqual([]);
    expect(order.hasGap).toBe(true);
    expect(order.highest).toBe(6);
    expect(order.offer(1, 2, u(1))).toEqual(whole(1, 3));
    expect(order.applied).toBe(4);
    expect(order.offer(5, 5, u(5))).toEqual(whole(5, 6));
    expect(order.hasGap).toBe(false);
  });

  it("counts the instance's own commits without applying them again", () => {
    const order = new SeqOrder(0);
    expect(order.committed(2, 3)).toEqual([]);
    expect(order.offer(4, 4, u(4))).toEqual([]);
    expect(order.offer(1, 1, u(1))).toEqual(whole(1, 4));
    expect(order.applied).toBe(4);
  });

  it("drops duplicates and applies a range that overlaps what is applied", () => {
    const order = new SeqOrder(0);
    expect(order.offer(1, 1, u(1))).toEqual(whole(1));
    expect(order.offer(1, 1, u(1))).toEqual([]);
    // A batch 1–3 from Redis after update 1 came from the store: 2 and 3 are new.
    expect(order.offer(1, 3, u(13))).toEqual([{ update: u(13), overlaps: true }]);
    expect(order.applied).toBe(3);
    expect(order.offer(2, 2, u(2))).toEqual([]);
  });
});
