import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

export interface MentionCandidate {
  id: string;
  name: string;
  /** Found by these too: "frl" finds Frederik Lund. */
  initials?: string;
}

interface MentionTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  candidates: readonly MentionCandidate[];
  /** Ctrl+Enter (⌘Enter) sends. */
  onSubmit?: () => void;
  autoFocus?: boolean;
  rows?: number;
}

const QUERY = /(?:^|\s)@([\p{L}\p{M}.'-]*)$/u;
const MAX_SUGGESTIONS = 6;

/** A person is found by any part of their name, or by the start of their initials. */
function matches(candidate: MentionCandidate, query: string): boolean {
  const wanted = query.toLocaleLowerCase("da");
  return (
    candidate.name.toLocaleLowerCase("da").includes(wanted) ||
    (candidate.initials?.toLocaleLowerCase("da").startsWith(wanted) ?? false)
  );
}

/** The people named with "@Navn" in a text, among the candidates. */
export function mentionedIds(text: string, candidates: readonly MentionCandidate[]): string[] {
  return candidates.filter((c) => text.includes(`@${c.name}`)).map((c) => c.id);
}

/**
 * A comment field where "@" offers the people who can be mentioned: a list of suggestions
 * under the field (ARIA combobox with a listbox; arrow keys move, Enter or Tab picks, Escape
 * closes), the choice written into the text as "@Navn".
 */
export function MentionTextarea({
  label,
  value,
  onChange,
  candidates,
  onSubmit,
  autoFocus = false,
  rows = 3,
}: MentionTextareaProps) {
  const fieldId = useId();
  const listId = useId();
  const hintId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  /** Where the caret goes once a picked name is in the field. */
  const caretAfterPick = useRef<number | null>(null);

  // Setting a controlled field's value puts the caret at its end. It is moved back right after
  // that render, before the browser handles another key: a key typed at once after picking a
  // name must land after the name, not at the end of the text.
  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null) return;
    caretAfterPick.current = null;
    ref.current?.setSelectionRange(caret, caret);
  });

  const suggestions =
    query === null ? [] : candidates.filter((c) => matches(c, query)).slice(0, MAX_SUGGESTIONS);
  const open = suggestions.length > 0;

  function updateQuery(text: string, caret: number) {
    const match = QUERY.exec(text.slice(0, caret));
    setQuery(match ? (match[1] ?? "") : null);
    setHighlighted(0);
  }

  function pick(candidate: MentionCandidate) {
    const field = ref.current;
    const caret = field?.selectionStart ?? value.length;
    const before = value
      .slice(0, caret)
      .replace(QUERY, (whole) =>
        whole.startsWith("@") ? `@${candidate.name} ` : `${whole[0]}@${candidate.name} `,
      );
    const next = before + value.slice(caret);
    caretAfterPick.current = before.length;
    field?.focus();
    onChange(next);
    setQuery(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(suggestions[highlighted] ?? suggestions[0]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  }

  return (
    <div className="mention-field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        ref={ref}
        className="review-textarea"
        rows={rows}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
        aria-describedby={hintId}
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- opened on request; typing goes here
        autoFocus={autoFocus}
        onChange={(event) => {
          onChange(event.target.value);
          updateQuery(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <p id={hintId} className="field-hint">
        Skriv @ for at nævne en person.
      </p>
      <ul id={listId} role="listbox" aria-label="Personer" className="mention-list" hidden={!open}>
        {suggestions.map((candidate, index) => (
          <li
            key={candidate.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            className="mention-option"
            // Pick before the textarea's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(candidate);
            }}
          >
            {candidate.name}
            {candidate.initials && (
              <span className="mention-initials"> ({candidate.initials})</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
