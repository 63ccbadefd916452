import type { Editor } from "@tiptap/core";

/**
 * Puts a decision phrase into a Beslutning: an empty Beslutning becomes the phrase; otherwise
 * the phrase is added as a new paragraph after what is there (never replacing someone's text).
 * The caret ends after the phrase, so an open phrase ("… med den tilføjelse, at ") is finished
 * by typing on. Content is given as JSON, not a string, so its trailing space is kept as typed.
 */
export function insertDecisionPhrase(editor: Editor, phrase: string): void {
  const text = { type: "text", text: phrase };
  if (editor.isEmpty) {
    editor.chain().focus("end").insertContent(text).run();
    return;
  }
  const end = editor.state.doc.content.size;
  editor
    .chain()
    .insertContentAt(end, { type: "paragraph", content: [text] })
    .focus("end")
    .run();
}
