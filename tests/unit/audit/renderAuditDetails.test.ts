import { describe, expect, it } from "vitest";
import type { AuditNames } from "../../../shared/audit";
import { auditActionLabel, formatAuditTime, renderAuditDetails } from "../../../shared/audit";

const NAMES: AuditNames = {
  person: (id) => ({ "u-1": "Signe Holm" })[id] ?? null,
  item: (id) => ({ "i-23": "2.3. Regnskab 2024", "i-24": "2.4. Budget 2026" })[id] ?? null,
  section: (id) => ({ "s-2": "2. Regionalpolitiske sager" })[id] ?? null,
  attachment: (id) => ({ "a-1": "Årsrapport 2024.pdf" })[id] ?? null,
  version: (id) => ({ "v-1": "«Godkendt (Frederik Lund)», 4. dec. 2026 kl. 17.45" })[id] ?? null,
};

function text(action: string, details: Record<string, unknown>): string {
  return renderAuditDetails(action, details, NAMES)
    .map((d) => `${d.label}: ${d.value}`)
    .join(" | ");
}

describe("audit details", () => {
  it("says which document was published, with its fingerprint and the unapproved items", () => {
    expect(
      text("meeting.publish", {
        publicationId: "p-1",
        kind: "referat",
        title: "Referat: Møde i KKR Syddanmark",
        recordHash: "ab".repeat(32),
        unapprovedItems: ["i-23", { number: "2.4", title: "Budget 2026" }],
        republished: true,
      }),
    ).toBe(
      "Dokument: Referat: Møde i KKR Syddanmark | Offentliggjort igen: ja, erstatter den tidligere | " +
        `Referatets fingeraftryk (SHA-256): ${"ab".repeat(32)} | ` +
        "Punkter, der ikke var godkendt: 2.3. Regnskab 2024; 2.4. Budget 2026",
    );
  });

  it("says which finding was accepted, its text and where", () => {
    expect(
      text("publication.accept_finding", {
        findingKind: "cpr",
        text: "CPR 010203-1234 i bilaget",
        attachmentId: "a-1",
      }),
    ).toBe("Fund: CPR-nummer | Tekst: CPR 010203-1234 i bilaget | Bilag: Årsrapport 2024.pdf");
    expect(
      text("publication.accept_finding", {
        kind: "email",
        field: "baggrund",
        match: "a@b.dk",
        itemId: "i-23",
      }),
    ).toBe(
      "Fund: E-mailadresse | Fundet tekst: a@b.dk | Sted: Baggrund | Punkt: 2.3. Regnskab 2024",
    );
  });

  it("says which version was restored, and the reason given for a step", () => {
    expect(
      text("item.restore_version", {
        versionId: "v-1",
        previousVersionId: "v-unknown",
        newVersionId: "v-2",
      }),
    ).toBe("Gendannet version: «Godkendt (Frederik Lund)», 4. dec. 2026 kl. 17.45");
    expect(
      text("meeting.reopenMinutes", {
        from: "referat_godkendt",
        to: "afholdt",
        reason: "Beslutningen under 2.3 var forkert",
      }),
    ).toBe(
      "Fra → til: Referat godkendt → Møde afholdt – referat under udarbejdelse | " +
        "Begrundelse: Beslutningen under 2.3 var forkert",
    );
  });

  it("renders keys no renderer knows, resolving ids and leaving internal ones out", () => {
    expect(
      text("some.future_action", {
        reason: "Fordi",
        itemIds: ["i-23", "i-24"],
        publicationId: "p-1",
        confirmed: true,
        previousMeetingDate: "2025-06-17",
        options: { userId: "u-1", count: 2 },
      }),
    ).toBe(
      "Begrundelse: Fordi | Punkter: 2.3. Regnskab 2024, 2.4. Budget 2026 | Bekræftet: ja | " +
        "Previous meeting date: 2025-06-17 | Options: Antal: 2",
    );
    expect(auditActionLabel("some.future_action")).toBe("Anden hændelse: Andet");
    expect(auditActionLabel("item.future_step")).toBe("Anden hændelse: Punkter og godkendelse");
  });

  it("names every action of the record's integrity and of access in Danish, never by its kind alone", () => {
    for (const action of [
      "auth.password_change",
      "auth.lockout",
      "auth.login_throttled",
      "meeting.approveMinutes",
      "meeting.reopenMinutes",
      "meeting.publish",
      "publication.accept_finding",
      "publication.revoke_finding",
      "publication.acknowledge_unreadable",
      "publication.revoke_unreadable",
      "attachment.replace",
      "agenda.setAttachmentPublic",
    ]) {
      expect(auditActionLabel(action)).not.toMatch(/^Anden hændelse/);
    }
  });

  it("shows a publication as recorded now: what it replaces, bilag read by a person or left out", () => {
    expect(
      text("meeting.publish", {
        publicationId: "p-2",
        kind: "dagsorden",
        title: "Dagsorden: Møde i KKR Syddanmark",
        recordHash: "cd".repeat(32),
        replacesPublicationId: "p-1",
        acceptedFindings: 2,
        unreadableAttachments: ["Kort.png"],
        withheldAttachments: ["Ansøgning.pdf", "Liste.pdf"],
      }),
    ).toBe(
      "Dokument: Dagsorden: Møde i KKR Syddanmark | Offentliggjort igen: ja, erstatter den tidligere | " +
        `Dagsordenens fingeraftryk (SHA-256): ${"cd".repeat(32)} | ` +
        "Accepterede fund af personoplysninger: 2 | Ulæselige bilag, gennemset: Kort.png | " +
        "Bilag udeladt af den offentlige version: Ansøgning.pdf, Liste.pdf",
    );
  });

  it("shows accepted and revoked findings and looked-through bilag with the item as it was", () => {
    const finding = {
      key: "0123456789abcdef",
      kind: "cpr",
      match: "010203-1234",
      context: "… CPR 010203-1234 i ansøgningen …",
      field: "bilag",
      itemNumber: "2.3",
      itemTitle: "Regnskab 2024",
      attachmentName: "Ansøgning.pdf",
    };
    const expected =
      "Fund: CPR-nummer | Fundet tekst: 010203-1234 | Sammenhæng: … CPR 010203-1234 i ansøgningen … | " +
      "Sted: Bilag | Bilag: Ansøgning.pdf | Punkt: 2.3. Regnskab 2024";
    expect(text("publication.accept_finding", finding)).toBe(expected);
    expect(text("publication.revoke_finding", finding)).toBe(expected);
    const unreadable = {
      key: "fedcba9876543210",
      kind: "unreadable",
      field: "bilag",
      itemNumber: "2.4",
      itemTitle: "Budget 2026",
      attachmentName: "Kort.png",
    };
    expect(text("publication.acknowledge_unreadable", unreadable)).toBe(
      "Bilag: Kort.png | Punkt: 2.4. Budget 2026",
    );
    expect(text("publication.revoke_unreadable", unreadable)).toBe(
      "Bilag: Kort.png | Punkt: 2.4. Budget 2026",
    );
  });

  it("shows a replaced bilag's old and new content, and the public choice for a bilag", () => {
    expect(
      text("attachment.replace", {
        attachmentId: "a-1",
        previousFilename: "Årsrapport 2024.pdf",
        previousSha256: "aa".repeat(32),
        filename: "Årsrapport 2024 (rettet).pdf",
        sha256: "bb".repeat(32),
      }),
    ).toBe(
      "Bilag: Årsrapport 2024.pdf → Årsrapport 2024 (rettet).pdf | " +
        `Tidligere indhold (SHA-256): ${"aa".repeat(32)} | Nyt indhold (SHA-256): ${"bb".repeat(32)}`,
    );
    expect(
      text("agenda.setAttachmentPublic", { itemId: "i-23", attachmentId: "a-1", public: false }),
    ).toBe("Bilag: Årsrapport 2024.pdf | Offentlig version: udeladt af den offentlige version");
  });

  it("shows the approval's fingerprint and version, and the reopening's approved fingerprint", () => {
    expect(
      text("meeting.approveMinutes", {
        from: "afholdt",
        to: "referat_godkendt",
        recordHash: "ab".repeat(32),
        minutesVersionId: "v-1",
      }),
    ).toBe(
      "Fra → til: Møde afholdt – referat under udarbejdelse → Referat godkendt | " +
        `Referatets fingeraftryk (SHA-256): ${"ab".repeat(32)} | ` +
        "Godkendt version af referatet: «Godkendt (Frederik Lund)», 4. dec. 2026 kl. 17.45",
    );
    expect(
      text("meeting.reopenMinutes", {
        from: "referat_godkendt",
        to: "afholdt",
        reason: "Fejl i 2.3",
        approvedRecordHash: "ab".repeat(32),
      }),
    ).toBe(
      "Fra → til: Referat godkendt → Møde afholdt – referat under udarbejdelse | " +
        `Begrundelse: Fejl i 2.3 | Det godkendte referats fingeraftryk (SHA-256): ${"ab".repeat(32)}`,
    );
  });

  it("shows attendance, stedfortrædere included", () => {
    expect(
      text("agenda.setAttendance", {
        attendance: {
          present: ["Frederik Lund", "Anne Hansen"],
          absent: ["Lene Bach"],
          notPresentForItem: {},
          substitutes: [{ name: "Anne Hansen", replaces: "Lene Bach" }],
        },
      }),
    ).toBe(
      "Til stede: Frederik Lund, Anne Hansen | Afbud: Lene Bach | Stedfortrædere: Anne Hansen for Lene Bach",
    );
  });
});

describe("audit times", () => {
  it("are Danish local time, winter and summer", () => {
    expect(formatAuditTime(Date.parse("2026-12-04T16:45:00Z"))).toBe("4. dec. 2026 kl. 17.45");
    expect(formatAuditTime(Date.parse("2026-06-30T22:05:00Z"))).toBe("1. jul. 2026 kl. 00.05");
    expect(formatAuditTime(Date.parse("2026-05-01T08:00:00Z"))).toBe("1. maj 2026 kl. 10.00");
  });
});
