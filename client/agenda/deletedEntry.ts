/** Something just deleted (softly), for the "Fortryd" notice that restores it. */
export interface DeletedEntry {
  kind: "section" | "item";
  id: string;
  /** "Sektion 4. Udpegninger", "Punkt 2.3 Budget 2026" */
  label: string;
}
