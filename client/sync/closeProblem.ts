import { CloseCode } from "../../shared/protocol";

/**
 * What a close code from the sync server means for the person at the keyboard. Codes in
 * 4400–4499 are final (the provider stops reconnecting), so each gets an explanation; transient
 * codes (1012 server shutdown, 4500 internal error, 4503 overloaded, network loss) need none:
 * the status indicator already says "Offline" and the provider reconnects by itself.
 *
 * A session that ended (4419: logout elsewhere, expiry, password change, deactivation) is the
 * same problem as no session at all (4401): the person must sign in again. Edits not yet on the
 * server stay in the browser's local copy and go out once the document reconnects.
 */
export type CloseProblem =
  { kind: "unauthenticated" } | { kind: "final"; code: number; message: string };

const finalMessages: Record<number, string> = {
  [CloseCode.forbidden]: "Du har ikke adgang til dette punkt.",
  [CloseCode.originRefused]:
    "Serveren afviste forbindelsen, fordi siden ikke er åbnet fra Dagsordens egen adresse.",
  [CloseCode.unknownDocument]: "Punktet findes ikke (længere).",
  [CloseCode.badMessage]:
    "Forbindelsen til serveren blev afbrudt på grund af en fejl i programmet. Genindlæs siden.",
  [CloseCode.invalidUpdate]:
    "Serveren afviste en ændring, der ikke passer til punktets opbygning. Genindlæs siden.",
  [CloseCode.notASuggestion]:
    "Serveren afviste en ændring, fordi du kun kan foreslå ændringer i dette punkt. Genindlæs siden.",
  [CloseCode.documentTooLarge]:
    "Punktet er blevet for stort til at gemme flere ændringer. Kontakt sekretariatet.",
};

export function closeProblemFor(code: number): CloseProblem | null {
  if (code === CloseCode.unauthenticated || code === CloseCode.sessionEnded)
    return { kind: "unauthenticated" };
  if (code < 4400 || code >= 4500) return null;
  return {
    kind: "final",
    code,
    message:
      finalMessages[code] ??
      `Forbindelsen til serveren blev lukket (kode ${code}). Genindlæs siden.`,
  };
}
