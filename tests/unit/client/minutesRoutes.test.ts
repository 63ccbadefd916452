import { describe, expect, it } from "vitest";
import { minutesPath, parseRoute, publishPath } from "../../../client/routing/router";

describe("minutes and publication routes", () => {
  it("parses /moeder/:id/referat and /moeder/:id/offentliggoer", () => {
    expect(parseRoute("/moeder/demo-2025-09-03/referat")).toEqual({
      name: "minutes",
      id: "demo-2025-09-03",
    });
    expect(parseRoute("/moeder/demo-2025-09-03/offentliggoer/")).toEqual({
      name: "publish",
      id: "demo-2025-09-03",
    });
  });

  it("builds paths the parser reads back, an item's Beslutning as the fragment", () => {
    expect(parseRoute(publishPath("m 1"))).toEqual({ name: "publish", id: "m 1" });
    expect(minutesPath("m1", "demo-2-1")).toBe("/moeder/m1/referat#beslutning-demo-2-1");
    expect(parseRoute(minutesPath("m1"))).toEqual({ name: "minutes", id: "m1" });
  });

  it("leaves the other meeting routes alone", () => {
    expect(parseRoute("/moeder/m1/dagsorden")).toEqual({ name: "preview", id: "m1" });
    expect(parseRoute("/moeder/m1/punkter/i1")).toEqual({
      name: "meeting",
      id: "m1",
      itemId: "i1",
    });
    expect(parseRoute("/moeder/m1/referat/x").name).toBe("notFound");
  });
});
