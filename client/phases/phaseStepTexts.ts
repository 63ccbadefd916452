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
      "Referatet låses, så ingen kan ændre det, før det genåbnes, og dets indhold gemmes med et fingeraftryk (hash). Godkendelsen logges med dit navn.",
    done: "Referatet er godkendt og låst.",
  },
  reopenMinutes: {
    question: "Genåbn referatet?",
    consequence:
      "Sekretariatet kan igen ændre Beslutningerne, og referatet skal godkendes på ny. Genåbningen logges med dit navn.",
    done: "Referatet er genåbnet.",
  },
};
