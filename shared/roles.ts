/** The roles a person can have in a committee, with their Danish names. */
export const ROLES = ["sagsbehandler", "direktoer", "formand", "sekretariat", "laeser"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sagsbehandler: "Sagsbehandler",
  direktoer: "Direktør",
  formand: "Formand",
  sekretariat: "Sekretariat",
  laeser: "Læser",
};
