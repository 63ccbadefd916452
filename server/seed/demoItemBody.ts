import type { ItemBodyJson } from "../items/createItem";

/**
 * Item 2.1 of the KKR Syddanmark meeting of 3 September 2025 (tests/fixtures/agendas), as
 * the demo's first item: a newcomer opens a real item at once.
 */
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const subHeading = (text: string) => ({
  type: "heading",
  attrs: { level: 3 },
  content: [{ type: "text", text }],
});

export const DEMO_ITEM = {
  id: "demo-2-1",
  title: "Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels",
  caseNumber: "SAG-2025-03188",
  officers: ["mlal"],
};

export const DEMO_ITEM_BODY: ItemBodyJson = {
  type: "doc",
  content: [
    {
      type: "baggrund",
      content: [
        paragraph(
          "Implementeringen af sundhedsreformen foregår fortsat i flere spor – herunder lovgivning, forhandlinger, partnerskab og forberedelse i kommuner og regioner. I efteråret 2025 forventes en række centrale initiativer og afklaringer, som får betydning for det videre arbejde lokalt og nationalt.",
        ),
        paragraph(
          "./. KL har samlet en kort status på efterårets milepæle i arbejdet med sundhedsreformen.",
        ),
        paragraph(
          "De nye sundhedsråd forventes at spille en central rolle i sundhedsreformen med formål om at styrke det nære sundhedsvæsen samt sikre bedre koordination og planlægning mellem kommuner og regioner.",
        ),
        paragraph(
          "Opmand og ambassadør for sundhedsrådene, Per Okkels, deltager på mødet til en dialog om sundhedsrådene.",
        ),
      ],
    },
    {
      type: "indstilling",
      content: [
        paragraph(
          "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning og drøfter syddanske perspektiver på implementering af sundhedsreformen.",
        ),
      ],
    },
    {
      type: "sagsfremstilling",
      content: [
        paragraph(
          "I forbindelse med sundhedsreformen har Indenrigs- og Sundhedsministeren udpeget Per Okkels som opmand og ambassadør for sundhedsrådene.",
        ),
        paragraph(
          "I rollen som opmand for sundhedsrådene har Per Okkels frem til 1. august 2025 haft til opgave at vejlede ministeren vedrørende sundhedsrådenes geografiske inddeling og navngivning.",
        ),
        paragraph(
          "Som sundhedsambassadør består opgaven i via dialog og samarbejde med regioner og kommuner at understøtte den lokale forberedelse og opstart af sundhedsrådene.",
        ),
        subHeading("Oplæg og drøftelse"),
        paragraph(
          "Per Okkels deltager på mødet med et kort oplæg omkring opmandsprocessen og hans vejledende udtalelse til ministeren angående sundhedsrådenes navngivning og geografisk afgrænsning. Oplæggets primære fokus vil dog omhandle det kommende arbejde med etablering og opstart af sundhedsrådene, herunder med præsentation af nogle af de nedslagspunkter, som Per har udarbejdet på baggrund af forårets møder med regioner og kommuner.",
        ),
        paragraph(
          "Herudover vil Per komme omkring forventninger til de større politiske beslutninger i sundhedsrådene i 2026 samt sundhedsrådsambassadørens kommende aktiviteter.",
        ),
        paragraph(
          "Efter oplægget lægges der op til drøftelser vedrørende syddanske opmærksomhedspunkter i forbindelse med sundhedsrådene og implementering af sundhedsreformen, som Per kan tage med i sit videre arbejde som sundhedsrådsambassadør samt bringe tilbage til Indenrigs- og Sundhedsministeriet.",
        ),
      ],
    },
  ],
};
