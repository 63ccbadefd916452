import { describe, expect, it } from "vitest";
import { dehyphenate } from "../../../server/import/index";

describe("dehyphenate", () => {
  it("rejoins a word hyphenated at a line break", () => {
    expect(dehyphenate(["referatet fra mødet den 7. fe-", "bruar 2023."])).toBe(
      "referatet fra mødet den 7. februar 2023.",
    );
    expect(dehyphenate(["flere spor – herun-", "der lovgivning"])).toBe(
      "flere spor – herunder lovgivning",
    );
    expect(dehyphenate(["KKR Syd-", "danmark"])).toBe("KKR Syddanmark");
    expect(dehyphenate(["Di-", "men-", "sione-", "ring"])).toBe("Dimensionering");
  });

  it("keeps a hyphen next to a digit", () => {
    expect(dehyphenate(["Erhvervsfremmestrategi 2024-", "2027"])).toBe(
      "Erhvervsfremmestrategi 2024-2027",
    );
    expect(dehyphenate(["organiseringen af DK2020-", "indsatsen"])).toBe(
      "organiseringen af DK2020-indsatsen",
    );
  });

  it("keeps a hyphen after an abbreviation", () => {
    expect(dehyphenate(["det fælles EU-", "kontor"])).toBe("det fælles EU-kontor");
    expect(dehyphenate(["KKR-", "formandskaber"])).toBe("KKR-formandskaber");
    expect(dehyphenate(["indblik i it-", "tilstanden"])).toBe("indblik i it-tilstanden");
  });

  it("keeps a hyphen before a capital", () => {
    expect(dehyphenate(["Faaborg-", "Midtfyn Kommune"])).toBe("Faaborg-Midtfyn Kommune");
  });

  it("keeps a suspended compound's hyphen and space", () => {
    expect(dehyphenate(["det specialiserede social-", "og specialundervisningsområde"])).toBe(
      "det specialiserede social- og specialundervisningsområde",
    );
    expect(dehyphenate(["Social- og sundheds-", "hjælpere"])).toBe("Social- og sundhedshjælpere");
  });

  it("keeps a web address whole", () => {
    expect(
      dehyphenate([
        "her: https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-",
        "og-referater/.",
      ]),
    ).toBe(
      "her: https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-og-referater/.",
    );
  });

  it("joins a line ending in a slash without a space", () => {
    expect(dehyphenate(["en dialogrunde (februar/", "marts 2023)"])).toBe(
      "en dialogrunde (februar/marts 2023)",
    );
    expect(dehyphenate(["https://www.kl.dk/politik/", "kkr/kkr-syddanmark/"])).toBe(
      "https://www.kl.dk/politik/kkr/kkr-syddanmark/",
    );
  });

  it("joins other lines with one space, also after a dash", () => {
    expect(dehyphenate(["tilbud er stigende -", "både pga."])).toBe(
      "tilbud er stigende - både pga.",
    );
    expect(dehyphenate(["over- eller underskud –", "udgifter"])).toBe(
      "over- eller underskud – udgifter",
    );
    expect(dehyphenate(["  første linje ", "", " anden linje"])).toBe("første linje anden linje");
  });
});
