/**
 * Details of the publication steps and of what decides what a publication holds: publishing,
 * personal-data findings accepted or revoked, unreadable bilag looked through, a bilag replaced
 * or kept out of the public version.
 */
import type { AuditRenderer } from "./AuditOutput";
import { count, idName, itemList, itemOf, kindOf, nameList, str } from "./auditValues";

const FINDING_KINDS: Record<string, string> = {
  cpr: "CPR-nummer",
  email: "E-mailadresse",
  phone: "Telefonnummer",
};
const FINDING_FIELDS: Record<string, string> = {
  title: "Titel",
  baggrund: "Baggrund",
  indstilling: "Indstilling",
  sagsfremstilling: "Sagsfremstilling",
  beslutning: "Beslutning",
  bilag: "Bilag",
};

/**
 * A personal-data finding accepted (or its acceptance revoked). Older entries name the item and
 * bilag by id; newer ones record the item's number and title and the bilag's name as they were.
 */
const finding: AuditRenderer = (d, n, out) => {
  const kind = str(d["findingKind"]) ?? str(d["kind"]);
  out.add("Fund", kind ? (FINDING_KINDS[kind] ?? kind) : null, "findingKind", "kind");
  out.add("Fundet tekst", str(d["match"]), "match");
  out.add("Tekst", str(d["text"]), "text");
  out.add("Sammenhæng", str(d["context"]), "context");
  const field = str(d["field"]);
  out.add("Sted", field ? (FINDING_FIELDS[field] ?? field) : null, "field");
  out.add(
    "Bilag",
    str(d["attachmentName"]) ?? idName(d["attachmentId"], n.attachment),
    "attachmentName",
    "attachmentId",
  );
  itemOf(d, n, out);
  // The key ties the entry to the stored acceptance; it means nothing to a reader.
  out.skip("key");
};

/** An unreadable bilag looked through by a person (or that taken back). */
const unreadable: AuditRenderer = (d, n, out) => {
  out.add(
    "Bilag",
    str(d["attachmentName"]) ?? idName(d["attachmentId"], n.attachment),
    "attachmentName",
    "attachmentId",
  );
  itemOf(d, n, out);
  out.skip("key", "kind", "field", "match", "context");
};

export const PUBLICATION_RENDERERS: Record<string, AuditRenderer> = {
  "meeting.publish": (d, n, out) => {
    const kind = kindOf(d["kind"]);
    const title = str(d["title"]);
    out.add(
      "Dokument",
      title && kind && !title.startsWith(kind) ? `${kind}: ${title}` : (title ?? kind),
      "kind",
      "title",
    );
    // Older entries say `republished`; newer ones name the publication they replace.
    out.add(
      "Offentliggjort igen",
      d["republished"] === true || str(d["replacesPublicationId"])
        ? "ja, erstatter den tidligere"
        : null,
      "republished",
      "replacesPublicationId",
    );
    out.add(
      str(d["kind"]) === "dagsorden"
        ? "Dagsordenens fingeraftryk (SHA-256)"
        : "Referatets fingeraftryk (SHA-256)",
      str(d["recordHash"]),
      "recordHash",
    );
    out.add("Punkter, der ikke var godkendt", itemList(d["unapprovedItems"], n), "unapprovedItems");
    out.add(
      "Accepterede fund af personoplysninger",
      count(d["acceptedFindings"]),
      "acceptedFindings",
    );
    out.add(
      "Bilag, der ikke kunne tjekkes",
      count(d["uncheckedAttachments"]),
      "uncheckedAttachments",
    );
    out.add(
      "Ulæselige bilag, gennemset",
      nameList(d["unreadableAttachments"]),
      "unreadableAttachments",
    );
    out.add(
      "Bilag udeladt af den offentlige version",
      nameList(d["withheldAttachments"]),
      "withheldAttachments",
    );
    // The address of the publication is its id; the document's name says which it is.
    out.skip("publicationId");
  },
  "publication.accept_finding": finding,
  "publication.revoke_finding": finding,
  "publication.acknowledge_unreadable": unreadable,
  "publication.revoke_unreadable": unreadable,
  "attachment.replace": (d, _n, out) => {
    const before = str(d["previousFilename"]);
    const after = str(d["filename"]);
    out.add(
      "Bilag",
      before && after && before !== after ? `${before} → ${after}` : (after ?? before),
      "previousFilename",
      "filename",
    );
    out.add("Tidligere indhold (SHA-256)", str(d["previousSha256"]), "previousSha256");
    out.add("Nyt indhold (SHA-256)", str(d["sha256"]), "sha256");
    // The file name is shown; the id would name the same bilag.
    out.skip("attachmentId");
  },
  "agenda.setAttachmentPublic": (d, n, out) => {
    out.add("Bilag", idName(d["attachmentId"], n.attachment), "attachmentId");
    out.add(
      "Offentlig version",
      typeof d["public"] === "boolean"
        ? d["public"]
          ? "med i den offentlige version"
          : "udeladt af den offentlige version"
        : null,
      "public",
    );
    out.skip("itemId");
  },
};
