import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useId, useState, type FormEvent } from "react";

interface LinkFormProps {
  editor: Editor;
  onClose: () => void;
}

const ALLOWED = /^(https?:\/\/|mailto:)/i;

/** Normalises what people type: "kl.dk" becomes "https://kl.dk"; other schemes are refused. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (value === "") return null;
  if (ALLOWED.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}

/** Sets, changes or removes the link on the selection (or the link the caret is in). */
export function LinkForm({ editor, onClose }: LinkFormProps) {
  const inputId = useId();
  const errorId = useId();
  const current = editor.getAttributes("link")["href"] as string | undefined;
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);

  function close() {
    onClose();
    editor.view.focus();
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const href = normaliseHref(value);
    if (href === null) {
      setError("Skriv en webadresse (https://…) eller en e-mailadresse.");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({
        type: "text",
        text: value.trim(),
        marks: [{ type: "link", attrs: { href } }],
      });
    } else {
      chain.setLink({ href });
    }
    // Continue after the link, not over it (typing would replace it) nor inside it.
    chain
      .command(({ tr }) => {
        const $end = tr.doc.resolve(tr.selection.to);
        tr.setSelection(TextSelection.create(tr.doc, $end.pos));
        tr.setStoredMarks($end.marks().filter((mark) => mark.type.name !== "link"));
        return true;
      })
      .run();
    onClose();
    // Synchronously: keys pressed right after must reach the text (focus() waits a frame).
    editor.view.focus();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
    editor.view.focus();
  }

  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={inputId}>Linkadresse</label>
      <input
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="url"
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens on request; typing goes here
        autoFocus
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button-primary">
        Anvend
      </button>
      {current !== undefined && (
        <button type="button" className="button" onClick={remove}>
          Fjern link
        </button>
      )}
      <button type="button" className="button" onClick={close}>
        Annuller
      </button>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
