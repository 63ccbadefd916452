import { describe, expect, it } from "vitest";
import { danishCount } from "../../shared/model";
import { danishStems } from "../../server/publicSite/danishStems";
import { itemAnchor, meetingSlugs, slugify } from "../../server/publicSite/publicPaths";
import {
  contrastRatio,
  parseHex,
  SITE_BACKGROUNDS,
  siteSettings,
  siteSettingsFromEnv,
} from "../../server/publicSite/SiteSettings";
import { snippet } from "../../server/publicSite/searchPage";
import { copenhagenInstant } from "../../server/publicSite/feeds";

describe("Danish number agreement", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(danishCount(1, "dokument")).toBe("1 dokument");
    expect(danishCount(2, "dokument")).toBe("2 dokumenter");
    expect(danishCount(0, "dokument")).toBe("0 dokumenter");
    expect(danishCount(1, "moede")).toBe("1 møde");
    expect(danishCount(3, "moede")).toBe("3 møder");
    expect(danishCount(1, "punkt")).toBe("1 punkt");
    expect(danishCount(12, "punkt")).toBe("12 punkter");
    expect(danishCount(1, "resultat")).toBe("1 resultat");
    expect(danishCount(2, "bilag")).toBe("2 bilag");
  });
});

describe("the municipality's colour", () => {
  it("is kept when white on it reaches 4.5:1, and darkened until it does when not", () => {
    expect(siteSettings("Esbjerg Kommune", "#0b4f8a").color).toBe("#0b4f8a");
    for (const light of ["#ffcc00", "#7fb2e5", "#ffffff", "#00a651"]) {
      const { color, configuredColor } = siteSettings("X", light);
      expect(configuredColor).toBe(light);
      for (const background of SITE_BACKGROUNDS) {
        expect(contrastRatio(parseHex(color), parseHex(background))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("comes from the environment, and a malformed colour is refused with a reason", () => {
    expect(siteSettingsFromEnv({ PUBLIC_SITE_NAME: " Vejle Kommune " })).toMatchObject({
      name: "Vejle Kommune",
      color: "#0b4f8a",
    });
    expect(() => siteSettingsFromEnv({ PUBLIC_SITE_COLOR: "red" })).toThrow(/PUBLIC_SITE_COLOR/);
  });
});

describe("public addresses", () => {
  it("makes readable slugs and anchors", () => {
    expect(slugify("KKR Syddanmark")).toBe("kkr-syddanmark");
    expect(slugify("Børne- og Ungeudvalget, Ærø")).toBe("boerne-og-ungeudvalget-aeroe");
    expect(itemAnchor("2.3")).toBe("punkt-2-3");
  });

  it("gives a second meeting on the same date its own address, by creation order", () => {
    const row = (id: string, createdAt: number) => ({
      id,
      committeeId: "c",
      date: "2025-09-03",
      version: 1,
      data: "{}",
      createdAt,
    });
    const slugs = meetingSlugs([row("b", 2), row("a", 1)]);
    expect(slugs.get("a")).toBe("2025-09-03");
    expect(slugs.get("b")).toBe("2025-09-03-2");
  });
});

describe("search text", () => {
  it("stems Danish words so inflected forms meet", () => {
    expect(danishStems("Beslutninger")).toEqual(danishStems("beslutning"));
    expect(danishStems("kommunerne")).toEqual(danishStems("kommune"));
    // æ, ø and å are letters of their own.
    expect(danishStems("Ærø")).toEqual(["ærø"]);
  });

  it("marks the matching words in an escaped snippet", () => {
    const html = snippet(
      "KKR <b> godkendte vandløbsplanerne.",
      new Set(danishStems("vandløbsplan")),
    );
    expect(html).toBe("KKR &lt;b&gt; godkendte <mark>vandløbsplanerne</mark>");
  });
});

describe("meeting times", () => {
  it("reads a Danish local time in summer and in winter", () => {
    expect(copenhagenInstant("2025-09-03", "10:00").toISOString()).toBe("2025-09-03T08:00:00.000Z");
    expect(copenhagenInstant("2025-12-03", "10:00").toISOString()).toBe("2025-12-03T09:00:00.000Z");
  });
});
