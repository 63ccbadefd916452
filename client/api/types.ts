/** Shapes of the HTTP API's answers, as the client reads them. */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
}

export interface ItemSummary {
  id: string;
  title: string;
  caseNumber: string;
  officers: string[];
  /** The item body's document name, "item:<id>". */
  doc: string;
}
