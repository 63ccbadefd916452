import { Heading } from "@tiptap/extension-heading";

/** Inline sub-headings inside a field ("Årsrapport 2024"); one level below the field heading. */
export const SubHeading = Heading.configure({ levels: [3] });
