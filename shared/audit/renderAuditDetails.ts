/**
 * An audit entry's details as an auditor reads them: labelled Danish values, ids resolved to
 * what they name (people, items, sections, bilag, versions), no raw keys or JSON. Each action
 * has its own renderer; whatever a renderer leaves out, and every key of an action no renderer
 * knows, goes through the generic one, so nothing recorded is hidden and nothing internal shown.
 */
import {
  dateOf,
  fileSize,
  idName,
  itemList,
  kindOf,
  nameList,
  num,
  personOf,
  phaseOf,
  position,
  record,
  roleOf,
  statusOf,
  str,
  text,
} from "./auditValues";
import { AuditOutput } from "./AuditOutput";
import type { AuditDetails, AuditRenderer } from "./AuditOutput";
import { PUBLICATION_RENDERERS } from "./publicationAuditDetails";

export interface AuditDetail {
  label: string;
  value: string;
}

/** What the ids in audit details name; null when the thing is unknown (then it is left out). */
export interface AuditNames {
  person(userId: string): string | null;
  /** "2.3. Title", or the last title of a deleted item. */
  item(itemId: string): string | null;
  section(sectionId: string): string | null;
  attachment(attachmentId: string): string | null;
  /** "«Godkendt (Frederik Lund)», 4. dec. 2026 kl. 17.45". */
  version(versionId: string): string | null;
}

const LOGIN_METHODS: Record<string, string> = { password: "Adgangskode", oidc: "Single sign-on" };
const MEETING_FIELDS: Record<string, string> = {
  title: "Titel",
  date: "Dato",
  startTime: "Starttid",
  endTime: "Sluttid",
  place: "Sted",
  deadline: "Frist for sagsfremstilling",
};

/** Labels for keys the generic renderer may meet. */
const KEY_LABELS: Record<string, string> = {
  reason: "Begrundelse",
  title: "Titel",
  name: "Navn",
  email: "E-mail",
  address: "Netværksadresse",
  method: "Loginmetode",
  role: "Rolle",
  kind: "Dokument",
  text: "Tekst",
  match: "Fundet tekst",
  field: "Sted",
  status: "Status",
  phase: "Fase",
  date: "Dato",
  count: "Antal",
  recordHash: "Referatets fingeraftryk (SHA-256)",
  approvedRecordHash: "Det godkendte referats fingeraftryk (SHA-256)",
  context: "Sammenhæng",
  contentHash: "Fingeraftryk (SHA-256)",
  republished: "Offentliggjort igen",
  acceptedFindings: "Accepterede fund",
  uncheckedAttachments: "Bilag, der ikke kunne tjekkes",
  unapprovedItems: "Punkter, der ikke var godkendt",
  warnings: "Advarsler ved import",
  sections: "Afsnit",
  items: "Punkter",
  code: "Fejlkode",
  confirmed: "Bekræftet",
  confirmation: "Bekræftelse",
  note: "Note",
  comment: "Kommentar",
  minutes: "Minutter",
};

/** What an id names, for the generic renderer's labels. */
const ID_LABELS: [RegExp, string, string][] = [
  [/^(user|person|by)/i, "Person", "Personer"],
  [/item/i, "Punkt", "Punkter"],
  [/section/i, "Sektion", "Sektioner"],
  [/attachment/i, "Bilag", "Bilag"],
  [/version/i, "Version", "Versioner"],
];

const RENDERERS: Record<string, AuditRenderer> = {
  ...PUBLICATION_RENDERERS,
  "auth.login": (d, _n, out) => {
    out.add("Loginmetode", text(LOGIN_METHODS[str(d["method"]) ?? ""] ?? d["method"]), "method");
  },
  "auth.login_failed": (d, _n, out) => {
    out.add("Loginmetode", text(LOGIN_METHODS[str(d["method"]) ?? ""] ?? d["method"]), "method");
    out.add("Årsag", str(d["reason"]), "reason");
  },
  "auth.lockout": (d, _n, out) => {
    const minutes = num(d["minutes"]);
    out.add("Spærret i", minutes === null ? null : `${minutes} min.`, "minutes");
  },
  "user.invite": (d, n, out) => {
    out.add("Person", personOf(d["userId"], n), "userId");
    out.add("Rolle", roleOf(d["role"]), "role");
    out.skip("committeeId");
  },
  "user.role_change": (d, n, out) => {
    out.add("Person", personOf(d["userId"], n), "userId");
    out.add(
      "Rolle",
      `${roleOf(d["from"]) ?? "ingen"} → ${roleOf(d["to"]) ?? "ingen"}`,
      "from",
      "to",
    );
    out.skip("committeeId");
  },
  "user.activate": (d, n, out) => out.add("Person", personOf(d["userId"], n), "userId"),
  "user.deactivate": (d, n, out) => out.add("Person", personOf(d["userId"], n), "userId"),
  "meeting.create": (d, _n, out) => {
    out.add("Titel", str(d["title"]), "title");
    out.add("Dato", dateOf(d["date"]), "date");
  },
  "meeting.import": (d, _n, out) => {
    out.add("Dokument", kindOf(d["kind"]), "kind");
    out.add(
      "Indhold",
      `${num(d["sections"]) ?? 0} afsnit, ${num(d["items"]) ?? 0} punkter`,
      "sections",
      "items",
    );
    out.add("Advarsler ved import", String(num(d["warnings"]) ?? 0), "warnings");
  },
  "agenda.updateMeeting": (d, _n, out) => {
    const changed = record(d["details"]);
    for (const [key, value] of Object.entries(changed ?? {})) {
      const shown = key === "date" || key === "deadline" ? dateOf(value) : str(value);
      out.add(MEETING_FIELDS[key] ?? key, shown ?? "(tom)");
    }
    out.skip("details");
  },
  "agenda.createSection": (d, _n, out) => {
    out.add("Titel", str(d["title"]), "title");
    out.skip("index");
  },
  "agenda.renameSection": (d, _n, out) => {
    out.add("Ny titel", str(d["title"]), "title");
    out.skip("sectionId");
  },
  "agenda.moveSection": (d, n, out) => {
    out.add("Sektion", idName(d["sectionId"], n.section), "sectionId");
    out.add("Ny plads", position(d["toIndex"]), "toIndex");
  },
  "agenda.deleteSection": (d, n, out) =>
    out.add("Sektion", idName(d["sectionId"], n.section), "sectionId"),
  "agenda.restoreSection": (d, n, out) =>
    out.add("Sektion", idName(d["sectionId"], n.section), "sectionId"),
  "agenda.createItem": (d, n, out) => {
    out.add("Titel", str(d["title"]), "title");
    out.add("Sektion", idName(d["sectionId"], n.section), "sectionId");
    itemHeader(d, out);
    out.skip("index");
  },
  "agenda.updateItem": (d, _n, out) => {
    out.add("Titel", str(d["title"]), "title");
    itemHeader(d, out);
    out.skip("itemId");
  },
  "agenda.moveItem": (d, n, out) => {
    out.add("Til sektion", idName(d["toSectionId"], n.section), "toSectionId");
    out.add("Ny plads", position(d["toIndex"]), "toIndex");
    out.skip("itemId");
  },
  "agenda.deleteItem": (_d, _n, out) => out.skip("itemId"),
  "agenda.restoreItem": (_d, _n, out) => out.skip("itemId"),
  "agenda.addAttachment": (d, _n, out) => {
    const attachment = record(d["attachment"]);
    out.add("Bilag", str(attachment?.["filename"]), "attachment");
    const size = num(attachment?.["size"]);
    out.add("Størrelse", size === null ? null : fileSize(size));
    out.skip("itemId");
  },
  "agenda.removeAttachment": (d, n, out) => {
    out.add("Bilag", idName(d["attachmentId"], n.attachment), "attachmentId");
    out.skip("itemId");
  },
  "agenda.setAttendance": (d, _n, out) => {
    const attendance = record(d["attendance"]);
    out.add("Til stede", nameList(attendance?.["present"]) ?? "ingen", "attendance");
    out.add("Afbud", nameList(attendance?.["absent"]));
    const substitutes = Array.isArray(attendance?.["substitutes"])
      ? (attendance["substitutes"] as unknown[])
          .map((s) => record(s))
          .filter((s) => s !== null)
          .map((s) => `${str(s["name"])} for ${str(s["replaces"])}`)
      : [];
    out.add("Stedfortrædere", substitutes.join(", "));
  },
  "agenda.setItemStatus": (d, _n, out) => {
    out.add("Ny status", statusOf(d["status"]), "status");
    out.skip("itemId");
  },
  "agenda.setPhase": (d, _n, out) => out.add("Ny fase", phaseOf(d["phase"]), "phase"),
  "item.version": (d, n, out) => {
    out.add(
      "Version",
      str(d["name"]) ? `«${str(d["name"])}»` : idName(d["versionId"], n.version),
      "name",
      "versionId",
    );
  },
  "item.handoff": (d, n, out) => {
    out.add("Fra", str(d["from"]) ?? "(ingen)", "from");
    out.add("Til", personOf(d["toUserId"], n) ?? str(d["to"]), "toUserId", "to");
    out.add(
      "Sagsbehandlere nu",
      Array.isArray(d["officers"]) ? (d["officers"] as unknown[]).map(String).join("/") : null,
      "officers",
    );
    out.add("Besked", str(d["note"]), "note");
  },
  "item.restore_version": (d, n, out) => {
    out.add("Gendannet version", idName(d["versionId"], n.version), "versionId");
    out.add(
      "Teksten før gendannelsen",
      idName(d["previousVersionId"], n.version),
      "previousVersionId",
    );
    out.skip("newVersionId");
  },
  "item.suggestions_accept": (d, n, out) => SUGGESTIONS(d, n, out),
  "item.suggestions_reject": (d, n, out) => SUGGESTIONS(d, n, out),
};

/** Decided suggestions: whose, and what each proposed. */
const SUGGESTIONS: AuditRenderer = (d, n, out) => {
  const list = Array.isArray(d["suggestions"]) ? (d["suggestions"] as unknown[]) : [];
  const texts = list
    .map((s) => record(s))
    .filter((s) => s !== null)
    .map((s) => {
      const parts = [
        str(s["deleted"]) ? `slet «${str(s["deleted"])}»` : "",
        str(s["inserted"]) ? `indsæt «${str(s["inserted"])}»` : "",
      ].filter(Boolean);
      return `${str(s["authorName"])}: ${parts.join(", ")}`;
    });
  out.add("Forslag", texts.join("; "), "suggestions");
  out.add("Version", idName(d["versionId"], n.version), "versionId");
  out.skip("contentHash");
};

/** Workflow steps and meeting phase steps record the same shape of details. */
const STEP: AuditRenderer = (d, n, out) => {
  const from = statusOf(d["from"]) ?? phaseOf(d["from"]);
  const to = statusOf(d["to"]) ?? phaseOf(d["to"]);
  out.add(from ? "Fra → til" : "Til", from ? `${from} → ${to ?? "?"}` : to, "from", "to");
  out.add("Begrundelse", str(d["reason"]), "reason");
  out.add("Punkter, der ikke var godkendt", itemList(d["unapprovedItems"], n), "unapprovedItems");
  out.add("Gemt som version", idName(d["versionId"], n.version), "versionId");
  out.add("Fingeraftryk (SHA-256)", str(d["contentHash"]), "contentHash");
  out.add("Referatets fingeraftryk (SHA-256)", str(d["recordHash"]), "recordHash");
  out.add(
    "Godkendt version af referatet",
    idName(d["minutesVersionId"], n.version),
    "minutesVersionId",
  );
  out.add(
    "Det godkendte referats fingeraftryk (SHA-256)",
    str(d["approvedRecordHash"]),
    "approvedRecordHash",
  );
};
for (const action of ["sendToReview", "signOff", "sendBack", "approve", "reopen"]) {
  RENDERERS[`item.${action}`] = STEP;
}
for (const action of ["sendAgenda", "holdMeeting", "approveMinutes", "reopenMinutes"]) {
  RENDERERS[`meeting.${action}`] = STEP;
}

export function renderAuditDetails(
  action: string,
  details: Record<string, unknown>,
  names: AuditNames,
): AuditDetail[] {
  const out = new AuditOutput();
  RENDERERS[action]?.(details, names, out);
  for (const [key, value] of Object.entries(details)) {
    if (!out.used.has(key)) generic(key, value, names, out);
  }
  return out.details;
}

/** Any other key: labelled if known, ids resolved or left out, values made readable. */
function generic(key: string, value: unknown, names: AuditNames, out: AuditOutput): void {
  const idLabel = ID_LABELS.find(([pattern]) => /Ids?$/.test(key) && pattern.test(key));
  const plural = key.endsWith("Ids");
  const label = KEY_LABELS[key] ?? (idLabel ? idLabel[plural ? 2 : 1] : humanKey(key));
  const resolver = idResolver(key, names);
  if (resolver) {
    const ids = Array.isArray(value) ? value : [value];
    const shown = ids.map((id) => idName(id, resolver)).filter((name) => name !== null);
    out.add(label, shown.join(", "), key);
    return;
  }
  out.add(label, readable(value, names), key);
}

function idResolver(key: string, names: AuditNames): ((id: string) => string | null) | null {
  if (!/Ids?$/.test(key)) return null;
  if (/^(user|person|by)/i.test(key)) return (id) => names.person(id);
  if (/item/i.test(key)) return (id) => names.item(id);
  if (/section/i.test(key)) return (id) => names.section(id);
  if (/attachment/i.test(key)) return (id) => names.attachment(id);
  if (/version/i.test(key)) return (id) => names.version(id);
  // An id of something the log cannot name (a publication, a committee) is internal.
  return () => null;
}

/**
 * "previousMeetingDate" → "Previous meeting date": the last resort for keys recorded by code
 * that gave them no Danish label (add one to KEY_LABELS when that happens).
 */
function humanKey(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function readable(value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value
      .map((entry) => readable(entry, names))
      .filter((e) => e)
      .join(", ");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => idResolver(key, names) === null)
      .map(([key, entry]) => `${KEY_LABELS[key] ?? humanKey(key)}: ${readable(entry, names) ?? ""}`)
      .join(", ");
  }
  return null;
}

function itemHeader(d: AuditDetails, out: AuditOutput): void {
  if ("caseNumber" in d) out.add("Sagsnummer", str(d["caseNumber"]) ?? "(intet)", "caseNumber");
  if (Array.isArray(d["officers"])) {
    out.add(
      "Sagsbehandlere",
      (d["officers"] as unknown[]).map(String).join("/") || "(ingen)",
      "officers",
    );
  }
  if (typeof d["closed"] === "boolean")
    out.add("Lukket punkt", d["closed"] ? "ja" : "nej", "closed");
  if ("deadline" in d) out.add("Frist", dateOf(d["deadline"]) ?? "mødets frist", "deadline");
}
