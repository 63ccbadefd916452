/**
 * A new meeting starts from its committee's template: the standard sections and their standard
 * items with standard Indstilling sentences. The template is data (the secretariat edits it);
 * `{udvalg}` and `{forrige_mødedato}` are filled in when a meeting is created from it.
 */
import { z } from "zod";
import { Title } from "./agenda";
import { formatDanishDate } from "./formatDanishDate";

export const TemplateItem = z.object({
  title: Title,
  indstilling: z.string().max(5000),
  closed: z.boolean().default(false),
});

export const MeetingTemplate = z.object({
  sections: z
    .array(z.object({ title: Title, items: z.array(TemplateItem).max(50) }))
    .min(1, { message: "Skabelonen skal have mindst én sektion" })
    .max(50),
});
export type MeetingTemplate = z.infer<typeof MeetingTemplate>;

export const TEMPLATE_PLACEHOLDERS = {
  committee: "{udvalg}",
  previousMeetingDate: "{forrige_mødedato}",
} as const;

/** The standard KKR agenda, as the published agendas show it. */
export const DEFAULT_MEETING_TEMPLATE: MeetingTemplate = {
  sections: [
    {
      title: "Godkendelse af referat",
      items: [
        {
          title: "Godkendelse af referat fra mødet den {forrige_mødedato}",
          indstilling:
            "Det indstilles, at {udvalg} godkender referatet fra mødet den {forrige_mødedato}.",
          closed: false,
        },
      ],
    },
    { title: "Regionalpolitiske sager", items: [] },
    {
      title: "Siden sidst",
      items: [
        {
          title: "Siden sidst",
          indstilling: "Det indstilles, at {udvalg} tager orienteringen til efterretning.",
          closed: false,
        },
      ],
    },
    { title: "Udpegninger", items: [] },
    {
      title: "Punkter til næste møde",
      items: [
        {
          title: "Punkter til næste møde",
          indstilling: "Det indstilles, at {udvalg} drøfter punkter til næste møde.",
          closed: false,
        },
      ],
    },
    { title: "Eventuelt", items: [{ title: "Eventuelt", indstilling: "", closed: false }] },
  ],
};

export interface TemplateValues {
  committeeName: string;
  /** YYYY-MM-DD of the committee's previous meeting, or null for its first. */
  previousMeetingDate: string | null;
}

/** The template with its placeholders filled; a missing previous date reads "[dato]". */
export function fillTemplate(template: MeetingTemplate, values: TemplateValues): MeetingTemplate {
  const previous = values.previousMeetingDate
    ? formatDanishDate(values.previousMeetingDate)
    : "[dato]";
  const fill = (text: string) =>
    text
      .replaceAll(TEMPLATE_PLACEHOLDERS.committee, values.committeeName)
      .replaceAll(TEMPLATE_PLACEHOLDERS.previousMeetingDate, previous);
  return {
    sections: template.sections.map((section) => ({
      title: fill(section.title),
      items: section.items.map((item) => ({
        ...item,
        title: fill(item.title),
        indstilling: fill(item.indstilling),
      })),
    })),
  };
}
