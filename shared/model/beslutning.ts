/**
 * Writing Beslutning (the decision) in the minutes: the standard phrases the documents use,
 * and a suggestion derived from the item's Indstilling — "Det indstilles, at KKR Syddanmark
 * godkender …" becomes "KKR Syddanmark godkendte …".
 */

export function standardDecisions(committee: string): string[] {
  return [
    `${committee} godkendte indstillingen.`,
    `${committee} tog orienteringen til efterretning.`,
    `${committee} godkendte indstillingen med den tilføjelse, at `,
  ];
}

/** Present tense as the Indstilling writes it → past tense as the Beslutning records it. */
const PAST_TENSE: Record<string, string> = {
  godkender: "godkendte",
  tager: "tog",
  drøfter: "drøftede",
  tiltræder: "tiltrådte",
  udpeger: "udpegede",
  beslutter: "besluttede",
  anbefaler: "anbefalede",
  vedtager: "vedtog",
  bemyndiger: "bemyndigede",
  indstiller: "indstillede",
  bakker: "bakkede",
  giver: "gav",
  sender: "sendte",
  afgiver: "afgav",
  noterer: "noterede",
  opfordrer: "opfordrede",
  udtaler: "udtalte",
  fastholder: "fastholdt",
  prioriterer: "prioriterede",
  beder: "bad",
  godkendes: "blev godkendt",
  drøftes: "blev drøftet",
};

/** The suggested Beslutning for an Indstilling, or null when it does not follow the formula. */
export function suggestBeslutning(indstilling: string, committee: string): string | null {
  const text = indstilling.replace(/\s+/g, " ").trim();
  const match = /^Det indstilles,? at (.+)$/i.exec(text);
  if (!match) return null;
  let rest = match[1]!;
  // The committee's name as written, or a short form ("KKR") the documents also use.
  const names = [committee, committee.split(" ")[0]!].filter(Boolean);
  const subject = names.find((name) => rest.toLowerCase().startsWith(`${name.toLowerCase()} `));
  if (!subject) return null;
  rest = rest.slice(subject.length + 1);
  const words = rest.split(" ");
  let changed = false;
  const past = words.map((word, index) => {
    const bare = word.toLowerCase().replace(/[.,;:]$/, "");
    const previous = index === 0 ? "" : words[index - 1]!.toLowerCase();
    // Verbs lead the sentence or follow "og"/"samt" (coordinated clauses).
    if ((index === 0 || previous === "og" || previous === "samt") && PAST_TENSE[bare]) {
      changed = true;
      return PAST_TENSE[bare] + word.slice(bare.length);
    }
    return word;
  });
  if (!changed) return null;
  const sentence = `${committee} ${past.join(" ")}`;
  return /[.!]$/.test(sentence) ? sentence : `${sentence}.`;
}
