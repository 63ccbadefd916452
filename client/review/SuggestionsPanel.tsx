import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { ITEM_FIELDS } from "../../shared/editor";
import { formatSuggestionTime, suggestionColorClass } from "../../shared/editor";
import type { CommentThread } from "../../shared/model/comments";
import type { OpenSuggestion, SuggestionDecision } from "../../shared/suggestions";
import { ApiError } from "../api/apiFetch";
import { decideSuggestions } from "../api/suggestionsApi";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "../editor/suggestions.css";

interface SuggestionsPanelProps {
  itemId: string;
  suggestions: readonly OpenSuggestion[];
  editor: Editor | null;
  /** Writers decide; everyone else sees the list. */
  canDecide: boolean;
  /** A decision was stored (the history has a new version). */
  onDecided: () => void;
  /** May start a comment thread on a suggestion. */
  canComment: boolean;
  /** Starts a comment thread anchored on the suggestion's text (in "Kommentarer"). */
  onComment: (suggestion: OpenSuggestion) => void;
  /** The open comment threads on the suggestion's text. */
  threadsOn: (suggestion: OpenSuggestion) => readonly CommentThread[];
  /** Shows a thread in "Kommentarer". */
  onShowThread: (threadId: string) => void;
}

const KIND_LABELS: Record<OpenSuggestion["kind"], string> = {
  insertion: "Indsæt",
  deletion: "Slet",
  replacement: "Erstat",
};

function fieldLabel(field: string): string {
  return ITEM_FIELDS.find((f) => f.name === field)?.label ?? field;
}

/** The id of a suggestion's entry in the list, for links (the approval dialog). */
export function suggestionEntryId(id: string): string {
  return `forslag-${id}`;
}

/**
 * "Forslag": every open suggestion in text order — who, when, which field, in its context —
 * with Acceptér / Afvis each, and all at once, also per author, for those who may decide.
 */
export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { itemId, suggestions, editor, canDecide } = props;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function decide(ids: string[], decision: SuggestionDecision) {
    setBusy(true);
    setMessage(null);
    try {
      await decideSuggestions(itemId, ids, decision);
      setMessage(
        `${ids.length === 1 ? "Forslaget er" : `${ids.length} forslag er`} ${decision === "accept" ? "accepteret" : "afvist"}.`,
      );
      props.onDecided();
    } catch (caught) {
      setMessage(
        caught instanceof ApiError ? caught.message : "Beslutningen kunne ikke gemmes. Prøv igen.",
      );
    } finally {
      setBusy(false);
    }
  }

  function show(suggestion: OpenSuggestion) {
    if (!editor) return;
    const at = Math.min(suggestion.from + 1, editor.state.doc.content.size);
    editor.chain().setTextSelection(at).scrollIntoView().focus().run();
  }

  if (suggestions.length === 0) {
    return (
      <div className="suggestions-panel">
        <p className="muted">Der er ingen åbne forslag.</p>
        {message && <p role="status">{message}</p>}
      </div>
    );
  }
  const authors = [...new Map(suggestions.map((s) => [s.authorId, s.authorName])).entries()];
  const all = suggestions.map((s) => s.id);
  return (
    <div className="suggestions-panel">
      <p role="status" className="suggestions-message">
        {message ?? ""}
      </p>
      {canDecide && (
        <div className="suggestions-bulk">
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void decide(all, "accept")}
            >
              Acceptér alle
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void decide(all, "reject")}
            >
              Afvis alle
            </button>
          </div>
          {authors.length > 1 &&
            authors.map(([authorId, name]) => {
              const theirs = suggestions.filter((s) => s.authorId === authorId).map((s) => s.id);
              return (
                <div className="button-row" key={authorId}>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void decide(theirs, "accept")}
                  >
                    Acceptér alle fra {name}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void decide(theirs, "reject")}
                  >
                    Afvis alle fra {name}
                  </button>
                </div>
              );
            })}
        </div>
      )}
      <ol className="suggestion-list" aria-label="Åbne forslag">
        {suggestions.map((s) => (
          <li
            key={s.id}
            id={suggestionEntryId(s.id)}
            className={`suggestion-card ${suggestionColorClass(s.authorId)}`}
            data-suggestion-id={s.id}
          >
            <p className="suggestion-meta">
              <strong>{s.authorName}</strong> · {formatSuggestionTime(s.time)} ·{" "}
              {fieldLabel(s.field)}
            </p>
            <p className="suggestion-context">
              <span className="visually-hidden">{KIND_LABELS[s.kind]}: </span>…{s.before}
              {s.deleted && <del className="suggestion">{s.deleted}</del>}
              {s.inserted && <ins className="suggestion">{s.inserted}</ins>}
              {s.after}…
            </p>
            <SuggestionThreads
              threads={props.threadsOn(s)}
              authorName={s.authorName}
              onShowThread={props.onShowThread}
            />
            <div className="button-row">
              <button type="button" className="button button-small" onClick={() => show(s)}>
                Vis i teksten
              </button>
              {props.canComment && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Kommentér forslaget fra ${s.authorName}`}
                  onClick={() => props.onComment(s)}
                >
                  Kommentér
                </button>
              )}
              {canDecide && (
                <>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={`Acceptér forslaget fra ${s.authorName}`}
                    onClick={() => void decide([s.id], "accept")}
                  >
                    Acceptér
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={`Afvis forslaget fra ${s.authorName}`}
                    onClick={() => void decide([s.id], "reject")}
                  >
                    Afvis
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The comment threads on a suggestion's text: the discussion of the suggestion. */
function SuggestionThreads(props: {
  threads: readonly CommentThread[];
  authorName: string;
  onShowThread: (threadId: string) => void;
}) {
  if (props.threads.length === 0) return null;
  return (
    <ul
      className="suggestion-threads"
      aria-label={`Kommentarer til forslaget fra ${props.authorName}`}
    >
      {props.threads.map((thread) => {
        const first = thread.messages[0]!;
        const replies = thread.messages.length - 1;
        return (
          <li key={thread.id} className="suggestion-thread">
            <span>
              <strong>{first.authorName}:</strong> {first.text}
              {replies > 0 && (
                <span className="muted"> ({replies === 1 ? "1 svar" : `${replies} svar`})</span>
              )}
            </span>
            <button
              type="button"
              className="button-link"
              onClick={() => props.onShowThread(thread.id)}
            >
              Vis tråden
            </button>
          </li>
        );
      })}
    </ul>
  );
}
