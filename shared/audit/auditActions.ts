/**
 * What each audit action is called, and which kind of action it is, in Danish. One place for
 * the audit page, its filters and the CSV export, so they say the same. Actions recorded by
 * code this table does not know yet get a label from their kind, never the raw key.
 */

export const AUDIT_CATEGORIES = {
  adgang: "Login og adgang",
  brugere: "Brugere og roller",
  moede: "Møde og referat",
  dagsorden: "Dagsorden",
  punkter: "Punkter og godkendelse",
  offentliggoerelse: "Offentliggørelse",
  andet: "Andet",
} as const;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

const ACTIONS: Record<string, { label: string; category: AuditCategory }> = {
  "auth.login": { label: "Logget ind", category: "adgang" },
  "auth.logout": { label: "Logget ud", category: "adgang" },
  "auth.login_failed": { label: "Mislykket login", category: "adgang" },
  "auth.lockout": { label: "Login spærret efter for mange forsøg", category: "adgang" },
  "auth.login_throttled": { label: "Login afvist: midlertidigt spærret", category: "adgang" },
  "auth.invite_accepted": { label: "Invitation taget imod", category: "adgang" },
  "auth.password_change": { label: "Adgangskode ændret", category: "adgang" },
  "user.invite": { label: "Person inviteret", category: "brugere" },
  "user.role_change": { label: "Rolle ændret", category: "brugere" },
  "user.activate": { label: "Person genaktiveret", category: "brugere" },
  "user.deactivate": { label: "Person deaktiveret", category: "brugere" },
  "user.create_admin": { label: "Administrator oprettet", category: "brugere" },
  "template.update": { label: "Mødeskabelon ændret", category: "dagsorden" },
  "meeting.create": { label: "Møde oprettet", category: "moede" },
  "meeting.import": { label: "Møde importeret", category: "moede" },
  "meeting.sendAgenda": { label: "Dagsorden udsendt", category: "moede" },
  "meeting.holdMeeting": { label: "Mødet er afholdt", category: "moede" },
  "meeting.approveMinutes": { label: "Referat godkendt", category: "moede" },
  "meeting.reopenMinutes": { label: "Referat genåbnet", category: "moede" },
  "meeting.publish": { label: "Offentliggjort", category: "offentliggoerelse" },
  "publication.accept_finding": {
    label: "Fund af personoplysninger accepteret",
    category: "offentliggoerelse",
  },
  "publication.revoke_finding": {
    label: "Accept af fund af personoplysninger trukket tilbage",
    category: "offentliggoerelse",
  },
  "publication.acknowledge_unreadable": {
    label: "Ulæseligt bilag gennemset",
    category: "offentliggoerelse",
  },
  "publication.revoke_unreadable": {
    label: "Gennemsyn af ulæseligt bilag trukket tilbage",
    category: "offentliggoerelse",
  },
  "agenda.updateMeeting": { label: "Mødets oplysninger ændret", category: "dagsorden" },
  "agenda.createSection": { label: "Sektion oprettet", category: "dagsorden" },
  "agenda.renameSection": { label: "Sektion omdøbt", category: "dagsorden" },
  "agenda.moveSection": { label: "Sektion flyttet", category: "dagsorden" },
  "agenda.deleteSection": { label: "Sektion slettet", category: "dagsorden" },
  "agenda.restoreSection": { label: "Sektion gendannet", category: "dagsorden" },
  "agenda.createItem": { label: "Punkt oprettet", category: "dagsorden" },
  "agenda.updateItem": { label: "Punktets oplysninger ændret", category: "dagsorden" },
  "agenda.moveItem": { label: "Punkt flyttet", category: "dagsorden" },
  "agenda.deleteItem": { label: "Punkt slettet", category: "dagsorden" },
  "agenda.restoreItem": { label: "Punkt gendannet", category: "dagsorden" },
  "agenda.addAttachment": { label: "Bilag tilføjet", category: "dagsorden" },
  "agenda.removeAttachment": { label: "Bilag fjernet", category: "dagsorden" },
  "agenda.setAttachmentPublic": {
    label: "Bilagets offentliggørelse ændret",
    category: "offentliggoerelse",
  },
  "attachment.replace": { label: "Bilag erstattet", category: "dagsorden" },
  "agenda.setAttendance": { label: "Fremmøde registreret", category: "moede" },
  "agenda.setItemStatus": { label: "Punktets status ændret", category: "punkter" },
  "agenda.setPhase": { label: "Mødets fase ændret", category: "moede" },
  "item.sendToReview": { label: "Sendt til gennemsyn", category: "punkter" },
  "item.signOff": { label: "Faglig gennemgang godkendt", category: "punkter" },
  "item.sendBack": { label: "Sendt tilbage", category: "punkter" },
  "item.approve": { label: "Endelig tekst godkendt", category: "punkter" },
  "item.reopen": { label: "Punkt genåbnet", category: "punkter" },
  "item.handoff": { label: "Givet videre", category: "punkter" },
  "item.version": { label: "Version gemt", category: "punkter" },
  "item.restore_version": { label: "Version gendannet", category: "punkter" },
  "item.suggestions_accept": { label: "Forslag accepteret", category: "punkter" },
  "item.suggestions_reject": { label: "Forslag afvist", category: "punkter" },
};

const CATEGORY_BY_PREFIX: Record<string, AuditCategory> = {
  auth: "adgang",
  user: "brugere",
  meeting: "moede",
  publication: "offentliggoerelse",
  agenda: "dagsorden",
  item: "punkter",
};

export function auditCategory(action: string): AuditCategory {
  return ACTIONS[action]?.category ?? CATEGORY_BY_PREFIX[action.split(".")[0] ?? ""] ?? "andet";
}

/** The action in Danish; an action this table does not know is named by its kind. */
export function auditActionLabel(action: string): string {
  return ACTIONS[action]?.label ?? `Anden hændelse: ${AUDIT_CATEGORIES[auditCategory(action)]}`;
}
