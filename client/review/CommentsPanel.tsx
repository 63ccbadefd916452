import { useState, type FormEvent } from "react";
import type { CommentThread } from "../../shared/model/comments";
import { ApiError } from "../api/apiFetch";
import { createThread } from "../api/commentsApi";
import type { CommentDraft, TextRange } from "./commentAnchors";
import { CommentThreadCard } from "./CommentThreadCard";
import { mentionedIds, MentionTextarea, type MentionCandidate } from "./MentionTextarea";

interface CommentsPanelProps {
  itemId: string;
  threads: readonly CommentThread[] | null;
  ranges: ReadonlyMap<string, TextRange | null>;
  activeId: string | null;
  userId: string;
  canComment: boolean;
  candidates: readonly MentionCandidate[];
  draft: CommentDraft | null;
  hint: string | null;
  onStartComment: () => void;
  onDraftDone: (createdThreadId: string | null) => void;
  onShowThread: (threadId: string) => void;
}

/** Threads in the order of their text; orphaned ones after them; resolved ones folded away. */
function arrange(
  threads: readonly CommentThread[],
  ranges: ReadonlyMap<string, TextRange | null>,
): { open: CommentThread[]; orphaned: CommentThread[]; resolved: CommentThread[] } {
  const byText = (a: CommentThread, b: CommentThread) => {
    const ra = ranges.get(a.id);
    const rb = ranges.get(b.id);
    const pa = ra ? ra.from : Number.MAX_SAFE_INTEGER;
    const pb = rb ? rb.from : Number.MAX_SAFE_INTEGER;
    return pa - pb || a.createdAt - b.createdAt;
  };
  // Not yet resolved (the editor is still loading) counts as placed, not as orphaned.
  const isOrphan = (t: CommentThread) => ranges.has(t.id) && ranges.get(t.id) === null;
  const unresolved = threads.filter((t) => !t.resolved);
  return {
    open: unresolved.filter((t) => !isOrphan(t)).sort(byText),
    orphaned: unresolved.filter(isOrphan).sort((a, b) => a.createdAt - b.createdAt),
    resolved: threads.filter((t) => t.resolved).sort(byText),
  };
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { itemId, threads, ranges, activeId, userId, canComment, candidates, draft } = props;

  if (threads === null) return <p className="muted">Henter kommentarer …</p>;
  const { open, orphaned, resolved } = arrange(threads, ranges);
  const card = (thread: CommentThread) => (
    <li key={thread.id}>
      <CommentThreadCard
        itemId={itemId}
        thread={thread}
        orphaned={ranges.get(thread.id) === null && ranges.has(thread.id)}
        active={thread.id === activeId}
        userId={userId}
        canComment={canComment}
        candidates={candidates}
        onShow={() => props.onShowThread(thread.id)}
      />
    </li>
  );

  return (
    <div className="comments-panel">
      {canComment && !draft && (
        <div className="comment-start">
          <button type="button" className="button button-primary" onClick={props.onStartComment}>
            Kommentér markeret tekst
          </button>
          <p className="field-hint">
            Markér tekst i punktet, og tryk på knappen (eller Ctrl+Alt+M i teksten).
          </p>
          {props.hint && (
            <p className="form-error" role="alert">
              {props.hint}
            </p>
          )}
        </div>
      )}
      {draft && (
        <NewCommentForm
          itemId={itemId}
          draft={draft}
          candidates={candidates}
          onDone={props.onDraftDone}
        />
      )}

      {open.length === 0 && orphaned.length === 0 && !draft && (
        <p className="muted">Der er ingen åbne kommentarer.</p>
      )}
      {open.length > 0 && <ul className="thread-list">{open.map(card)}</ul>}
      {orphaned.length > 0 && (
        <>
          <h3 className="review-subheading">Kommentarer til slettet tekst</h3>
          <ul className="thread-list">{orphaned.map(card)}</ul>
        </>
      )}
      {resolved.length > 0 && (
        <details className="resolved-threads">
          <summary>Løste kommentarer ({resolved.length})</summary>
          <ul className="thread-list">{resolved.map(card)}</ul>
        </details>
      )}
    </div>
  );
}

function NewCommentForm({
  itemId,
  draft,
  candidates,
  onDone,
}: {
  itemId: string;
  draft: CommentDraft;
  candidates: readonly MentionCandidate[];
  onDone: (createdThreadId: string | null) => void;
}) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (trimmed === "") {
      setError("Skriv en kommentar.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const thread = await createThread(itemId, {
        anchor: draft.anchor,
        quote: draft.quote,
        text: trimmed,
        mentions: mentionedIds(trimmed, candidates),
      });
      onDone(thread.id);
    } catch (caught) {
      console.error("creating a comment failed", caught);
      setError(caught instanceof ApiError ? caught.message : "Kommentaren kunne ikke gemmes.");
      setBusy(false);
    }
  }

  return (
    <form
      className="comment-form comment-new"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <p className="comment-quote comment-quote-static">
        <span className="visually-hidden">Kommentar til: </span>
        <q>{draft.quote}</q>
      </p>
      <MentionTextarea
        label="Ny kommentar"
        value={text}
        onChange={setText}
        candidates={candidates}
        onSubmit={() => void submit()}
        autoFocus
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Gem kommentar
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Annuller
        </button>
      </div>
    </form>
  );
}
