import type { MeetingPhaseStep } from "../../shared/permissions";

/**
 * What each phase step means to the person about to take it (the dialog), and what happened
 * afterwards (announced). Button labels are `MEETING_PHASE_STEPS[step].label`.
 */
export const PHASE_STEP_TEXTS: Record<
  MeetingPhaseStep,
  { question: string; consequence: string; done: string }
> = {
  sendAgenda: {
    question: "Udsend dagsordenen?",
    consequence:
      "Dagsordenen bliver synlig for udvalgets læsere og kan offentliggøres. Udsendelsen logges med dit navn.",
    done: "Dagsordenen er udsendt.",
  },
  holdMeeting: {
    question: "Er mødet afholdt?",
    consequence:
      "Referatet åbnes: sekretariatet kan skrive Beslutning for hvert punkt og registrere fremmøde. Skridtet logges med dit navn.",
    done: "Mødet er afholdt. Referatet kan nu skrives.",
  },
  approveMinutes: {
    question: "Godkend referatet?",
    consequence:
      "Referatet og hele mødet låses – punkternes tekst, bilag, beslutninger og fremmøde – så ingen kan ændre noget, før referatet genåbnes. Indholdet gemmes med et fingeraftryk (hash). Godkendelsen logges med dit navn.",
    done: "Referatet er godkendt og låst.",
  },
  reopenMinutes: {
    question: "Genåbn referatet?",
    consequence:
      "Sekretariatet kan igen ændre mødet og Beslutningerne, og referatet skal godkendes på ny. Er referatet offentliggjort, bliver det stående med en besked om genåbningen og begrundelsen, indtil en ny udgave offentliggøres. Genåbningen logges med dit navn.",
    done: "Referatet er genåbnet.",
  },
};
