import { describe, expect, it } from "vitest";
import { standardDecisions, suggestBeslutning } from "../../../shared/model";

describe("Beslutning suggestions", () => {
  it.each([
    [
      "Det indstilles, at KKR Syddanmark godkender referatet fra mødet d. 17. juni 2025.",
      "KKR Syddanmark godkendte referatet fra mødet d. 17. juni 2025.",
    ],
    [
      "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning og drøfter syddanske perspektiver på implementering af sundhedsreformen.",
      "KKR Syddanmark tog orienteringen til efterretning og drøftede syddanske perspektiver på implementering af sundhedsreformen.",
    ],
    [
      "Det indstilles, at KKR Syddanmark tiltræder fordelingen af lærepladser blandt kommunerne i Syddanmark for 2026",
      "KKR Syddanmark tiltrådte fordelingen af lærepladser blandt kommunerne i Syddanmark for 2026.",
    ],
    [
      "Det indstilles, at KKR drøfter de fælles pejlemærker.",
      "KKR Syddanmark drøftede de fælles pejlemærker.",
    ],
  ])("%s", (indstilling, expected) => {
    expect(suggestBeslutning(indstilling, "KKR Syddanmark")).toBe(expected);
  });

  it("gives no suggestion where the Indstilling does not follow the formula", () => {
    expect(suggestBeslutning("", "KKR Syddanmark")).toBeNull();
    expect(suggestBeslutning("Punktet behandles på mødet.", "KKR Syddanmark")).toBeNull();
    expect(
      suggestBeslutning(
        "Det indstilles, at Region Syddanmark godkender aftalen.",
        "KKR Syddanmark",
      ),
    ).toBeNull();
  });

  it("offers the standard phrases with the committee's name", () => {
    expect(standardDecisions("KKR Syddanmark")).toEqual([
      "KKR Syddanmark godkendte indstillingen.",
      "KKR Syddanmark tog orienteringen til efterretning.",
      "KKR Syddanmark godkendte indstillingen med den tilføjelse, at ",
    ]);
  });
});
