/**
 * What each fixture agenda must import to, checked by hand against the fixture text: every
 * section and item with its number, title, case number, officers and attachment count, and per
 * field either `null` (no such heading), the exact text (short fields), or the start and end of
 * the text (long fields).
 */

export type ExpectedField = null | string | [start: string, end: string];

export interface ExpectedItem {
  number: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  attachmentMarkers: number;
  fields: {
    baggrund: ExpectedField;
    indstilling: ExpectedField;
    sagsfremstilling: ExpectedField;
    beslutning: ExpectedField;
  };
}

export interface ExpectedMeeting {
  file: string;
  committee: string;
  meetingDate: string | null;
  kind: "dagsorden" | "referat";
  sections: { number: string; title: string; items: ExpectedItem[] }[];
}

export const kkr2020: ExpectedMeeting = {
  file: "kkr-syddanmark-2020-11-11-dagsorden.txt",
  committee: "KKR Syddanmark",
  meetingDate: "2020-11-11",
  kind: "dagsorden",
  sections: [
    {
      number: "1",
      title: "Godkendelse af referat",
      items: [
        {
          number: "1.1",
          title: "Godkendelse af referat fra mødet den 8. september 2020",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund:
              "Referatet fra mødet i KKR Syddanmark den 8. september 2020 kan læses her: https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-og-referater/.",
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender referatet fra mødet den 8. september 2020.",
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "2",
      title: "Regionalpolitiske sager",
      items: [
        {
          number: "2.1",
          title: "Indsatsområder i Rammeaftalen 2021-2022",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Den syddanske rammeaftale 2021-2022 for det",
              "arbejde med de tre indsatsområder.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark drøfter rammeaftalens indsatsområder med afsæt i Lise Willers oplæg.",
            sagsfremstilling: [
              "Rammeaftalen for 2021-2022 har tre særlige",
              "metoder og dokumentation.",
            ],
            beslutning: null,
          },
        },
        {
          number: "2.2",
          title: "Ny rammeaftale for erhvervshusene for 2021-2023",
          caseNumber: "SAG-2020-04616",
          officers: ["rura", "bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Den nye rammeaftale for erhvervshusene for",
              "om indholdet i rammeaftalen.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "Den nye rammeaftale vil være politisk",
              "på erhvervsfremmeområdet.",
            ],
            beslutning: null,
          },
        },
        {
          number: "2.3",
          title: "DK2020 og regional organisering",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Partnerskabet for perioden 2020-2023 mellem",
              "af DK2020-arbejdet i KKR Syddanmark.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "Partnerskabet om DK2020 giver plads til, at",
              "2020 med tjenestested i Middelfart.",
            ],
            beslutning: null,
          },
        },
        {
          number: "2.4",
          title: "Fælles pejlemærker om fremtidens sundhedsvæsen",
          caseNumber: "SAG-2020-04616",
          officers: ["suha"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Den 23. september 2020 præsenterede KL og",
              "og den kommende nationale sundhedsplan.",
            ],
            indstilling:
              "Det indstilles, at KKR drøfter de fælles pejlemærker, og hvilken retning pejlemærkerne sætter for sundhedssamarbejdet i Syddanmark.",
            sagsfremstilling: [
              "Allerede i februar 2020 opfordrede KL og",
              "med en national sundhedsreform.",
            ],
            beslutning: null,
          },
        },
        {
          number: "2.5",
          title: "Social- og indenrigsminister Astrid Krag",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Social- og indenrigsminister Astrid Krag",
              "– evalueringen og Kofoedsminde.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark tager en drøftelse med afsæt i social- og indenrigsminister Astrid Krags oplæg.",
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "3",
      title: "Siden sidst",
      items: [
        {
          number: "3.1",
          title: "Siden sidst",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 2,
          fields: {
            baggrund:
              "For at sikre fælles deling af viden giver KKR-formandskabet og KKR-udpegede i regionale fora en orientering om nyt siden sidst.",
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "Udpegning til FGU\n\nDer er fem kommunale",
              "ved Erik Lauritzen, Sønderborg.",
            ],
            beslutning: null,
          },
        },
        {
          number: "3.2",
          title: "Orientering om nye videns- og erhvervsklynger",
          caseNumber: "SAG-2020-04616",
          officers: ["bel"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Forsknings- og uddannelsesministeren har",
              "klyngers afdelinger og hovedkvarter.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "./. Lov om erhvervsfremme fra 2019 er rammen",
              "uddybning af de forskellige projekter.",
            ],
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "4",
      title: "Punkter til næste møde",
      items: [
        {
          number: "4.1",
          title: "Punkter til næste møde den 5. februar 2020",
          caseNumber: null,
          officers: [],
          attachmentMarkers: 0,
          fields: {
            baggrund: "Næste møde i KKR Syddanmark er den 5. februar 2021.",
            indstilling: "Det indstilles, at KKR Syddanmark drøfter punkter/temaer til næste møde.",
            sagsfremstilling: [
              "Følgende punkter forventes til mødet den 5.",
              "på social- og sundhedsområdet.",
            ],
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "5",
      title: "Eventuelt",
      items: [
        {
          number: "5.1",
          title: "Eventuelt",
          caseNumber: null,
          officers: [],
          attachmentMarkers: 0,
          fields: {
            baggrund: null,
            indstilling: null,
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
  ],
};

export const kkr2023: ExpectedMeeting = {
  file: "kkr-syddanmark-2023-dagsorden.txt",
  committee: "KKR Syddanmark",
  meetingDate: null,
  kind: "dagsorden",
  sections: [
    {
      number: "1",
      title: "Godkendelse af referat",
      items: [
        {
          number: "1.1",
          title: "Godkendelse af referat fra møde i KKR Syddanmark den 7. februar 2023",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund:
              "Referat fra møde i KKR Syddanmark den 7. februar 2023 kan ses her: Mødedatoer, dagsordener og referater (kl.dk)",
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender referatet fra mødet den 7. februar 2023.",
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "2",
      title: "Regionalpolitiske sager",
      items: [
        {
          number: "2.1",
          title: "Fælleskommunalt fokus på det specialiserede socialområde",
          caseNumber: "SAG-2023-00863",
          officers: ["lalm"],
          attachmentMarkers: 1,
          fields: {
            baggrund: ["KKR Syddanmark har løbende haft det", "socialdirektørerne i Syddanmark."],
            indstilling: "Det indstilles, at KKR Syddanmark drøfter sagen med afsæt i oplægget.",
            sagsfremstilling: [
              "Siden kommunalreformen i 2007 har kommunerne",
              "på det specialiserede socialområde.",
            ],
            beslutning: null,
          },
        },
        {
          number: "2.2",
          title: "Kommunernes økonomiske råderum",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Kommunernes økonomi er under pres, og derfor",
              "anvender for at skabe råderum?",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark drøfter temaet med afsæt i oplægget.",
            sagsfremstilling: null,
            beslutning: null,
          },
        },
        {
          number: "2.3",
          title: "KKR Syddanmarks indspil til Erhvervsfremmestrategi 2024-2027",
          caseNumber: "SAG-2023-00863",
          officers: ["bel", "snm"],
          attachmentMarkers: 0,
          fields: {
            baggrund: ["KKR Syddanmark skal give indspil til", "– en opgave, som skal styrkes."],
            indstilling:
              "Det indstilles, at KKR Syddanmark drøfter indspil til erhvervshusenes samlede bidrag til erhvervsfremmestrategien.",
            sagsfremstilling: ["Den kommende nationale", "indspil.\n\nProcessen fremadrettet"],
            beslutning: null,
          },
        },
        {
          number: "2.4",
          title: "Nye syddanske mobilitetsprioriteringer",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "På mødet i Kommunekontaktudvalget KKU den",
              "hos KKR Syddanmark den 20. juni 2023.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "Infrastrukturplan 2035 omfatter",
              "i deres helhed og inden for tidsplanen.",
            ],
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "3",
      title: "Siden sidst",
      items: [
        {
          number: "3.1",
          title: "Siden sidst",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Under punktet orienterer KKR Syddanmarks",
              "ved Erik Lauritzen, Sønderborg Kommune.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: [
              "Orientering fra formandskabet\n\nAkutplan\n\nI",
              "til den fremtidige organisering.",
            ],
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "4",
      title: "Udpegninger",
      items: [
        {
          number: "4.1",
          title: "Udpegning til den politiske udviklingsgruppe i Klimaalliancen",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "KL, regionerne og Realdania har indgået en",
              "udgangen af 2023 og nedlægges herefter.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark udpeger en repræsentant til den politiske udviklingsgruppe.",
            sagsfremstilling: [
              "Politisk udviklingsgruppe\n\nDe fem KKR skal",
              "Johannes Lundsfryd Jensen, Middelfart.",
            ],
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "5",
      title: "Punkter til næste møde",
      items: [
        {
          number: "5.1",
          title: "Punkter til næste møde den 20. juni 2023",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Næste møde i KKR Syddanmark er tirsdag den",
              "og det specialiserede socialområde",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark drøfter punkter til næste møde den 20. juni 2023.",
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
    {
      number: "6",
      title: "Eventuelt",
      items: [
        {
          number: "6.1",
          title: "Eventuelt",
          caseNumber: "SAG-2023-00863",
          officers: ["bel"],
          attachmentMarkers: 0,
          fields: {
            baggrund: null,
            indstilling: null,
            sagsfremstilling: null,
            beslutning: null,
          },
        },
      ],
    },
  ],
};

export const kkr2025: ExpectedMeeting = {
  file: "kkr-syddanmark-2025-09-03-referat.txt",
  committee: "KKR Syddanmark",
  meetingDate: null,
  kind: "referat",
  sections: [
    {
      number: "1",
      title: "Godkendelse af referat",
      items: [
        {
          number: "1.1",
          title: "Godkendelse af referat fra mødet i KKR Syddanmark d. 17. juni 2025",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 0,
          fields: {
            baggrund:
              "Referat fra møde i KKR Syddanmark den 17. juni 2025 kan ses her:\n\nReferat 17. juni 2025",
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender referatet fra mødet d. 17. juni 2025.",
            sagsfremstilling: "",
            beslutning: "Referatet blev godkendt.",
          },
        },
      ],
    },
    {
      number: "2",
      title: "Regionalpolitiske sager",
      items: [
        {
          number: "2.1",
          title: "Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 1,
          fields: {
            baggrund: [
              "Implementeringen af sundhedsreformen foregår",
              "mødet til en dialog om sundhedsrådene.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning og drøfter syddanske perspektiver på implementering af sundhedsreformen.",
            sagsfremstilling: [
              "I forbindelse med sundhedsreformen har",
              "til Indenrigs- og Sundhedsministeriet.",
            ],
            beslutning: [
              "Opmand og ambassadør for sundhedsrådene, Per",
              "tog orienteringen til efterretning.",
            ],
          },
        },
        {
          number: "2.2",
          title: "Siden sidst",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal", "anjh"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Under punktet orienterer KKR Syddanmarks",
              "Jesper Frost Rasmussen, Esbjerg.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: null,
            beslutning: [
              "– Sundhedssamarbejdsudvalget, SSU, ved Mads",
              "tog orienteringen til efterretning.",
            ],
          },
        },
        {
          number: "2.3",
          title:
            "Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt budget for 2026",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Fælleskommunalt Sundhedssekretariat har",
              "som sekretariatet har løst i 2024.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender årsrapport for 2024, regnskab for 2024 samt budget for 2026.",
            sagsfremstilling: [
              "Årsrapport 2024\n\n./. Årsrapporten viser en",
              "den 20. august 2025.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
        {
          number: "2.4",
          title:
            "Det fælleskommunale klimasekretariats regnskab og årsrapport for 2024 samt budget for 2026",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Fælleskommunalt Klimasekretariat har",
              "som sekretariatet har løst i 2024.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender årsrapport for 2024, regnskab for 2024 samt budget for 2026.",
            sagsfremstilling: [
              "Årsrapport 2024\n\n./. Årsrapporten viser en",
              "den 20. august 2025.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
        {
          number: "2.5",
          title:
            "Det fælleskommunale socialsekretariats regnskab og årsrapport 2024 samt budget 2026",
          caseNumber: "SAG-2025-03188",
          officers: ["anjh"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Fælleskommunalt Socialsekretariat har",
              "og forslag til budget 2026 af sagen.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark godkender årsrapport for 2024, regnskab for 2024 samt budget for 2026.",
            sagsfremstilling: [
              "Årsrapport og regnskab for 2024\n\n./.",
              "godkendt af Socialdirektørforum og K22.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
        {
          number: "2.6",
          title: "Fordeling af lærepladser på SOSU-uddannelserne i Syddanmark for 2026",
          caseNumber: "SAG-2025-03188",
          officers: ["anjh"],
          attachmentMarkers: 1,
          fields: {
            baggrund: [
              "I trepartsaftalen om lærepladser på",
              "den nuværende dimensioneringsaftale.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark tiltræder fordelingen af lærepladser blandt kommunerne i KKR Syddanmark for 2026.",
            sagsfremstilling: [
              "Fordeling af lærepladser mellem de fem KKR i",
              "redskaber, som kan anvendes lokalt.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
        {
          number: "2.7",
          title: "Godkendelse af anbefalinger til nyt KKR Syddanmark",
          caseNumber: "SAG-2025-03188",
          officers: ["anjh"],
          attachmentMarkers: 1,
          fields: {
            baggrund: [
              "En ny valgperiode nærmer sig. Derfor blev",
              "skal godkendes af KKR Syddanmark.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark godkender opsamlingen.",
            sagsfremstilling: null,
            beslutning:
              "KKR Syddanmark godkendte indstillingen med den tilføjelse, at KKR Syddanmark fremadrettet også bør have fokus på mobilitet.",
          },
        },
        {
          number: "2.8",
          title: "Status på etablering af fælles it-driftsenheder",
          caseNumber: "SAG-2025-00639",
          officers: ["lar", "chch", "anjh"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Cybersikkerhed var et centralt tema i årets",
              "KL’s igangværende dialoger og tiltag.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark tager orienteringen om status til efterretning.",
            sagsfremstilling: [
              "Før sommerferien var fokus på formidling og",
              "og et højt informationsniveau.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
        {
          number: "2.9",
          title: "Orientering om Socialtilsyn Syds årsrapport 2024 og finansiering 2026",
          caseNumber: "SAG-2025-03188",
          officers: ["anjh"],
          attachmentMarkers: 2,
          fields: {
            baggrund: [
              "Folketinget har i april 2025 ændret rammerne",
              "nuværende budget for Socialtilsyn Syd.",
            ],
            indstilling:
              "Det indstilles, at KKR Syddanmark tager Socialtilsyn Syds årsrapport 2024 og finansiering 2026 til efterretning.",
            sagsfremstilling: [
              "Årsrapporten 2024\n\n./. I Årsrapporten 2024",
              "– udgifter og indtægter balancerer.",
            ],
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
      ],
    },
    {
      number: "3",
      title: "Punkter til næste møde",
      items: [
        {
          number: "3.1",
          title: "Punkter til næste møde i KKR Syddanmark",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 0,
          fields: {
            baggrund: [
              "Næste møde i KKR Syddanmark er d. 22.",
              "– Rammeaftale for danskuddannelsen.",
            ],
            indstilling: "Det indstilles, at KKR Syddanmark tager orienteringen til efterretning.",
            sagsfremstilling: null,
            beslutning: "KKR Syddanmark godkendte indstillingen.",
          },
        },
      ],
    },
    {
      number: "4",
      title: "Eventuelt",
      items: [
        {
          number: "4.1",
          title: "Eventuelt",
          caseNumber: "SAG-2025-03188",
          officers: ["mlal"],
          attachmentMarkers: 0,
          fields: {
            baggrund: "",
            indstilling: "",
            sagsfremstilling: "",
            beslutning: [
              "Tonni Hansen, Langeland, stiller sig gerne",
              "indtil der bliver valgt en ny.",
            ],
          },
        },
      ],
    },
  ],
};

export const FIXTURES = [kkr2020, kkr2023, kkr2025];
