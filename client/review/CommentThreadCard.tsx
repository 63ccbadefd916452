import { useId, useState, type FormEvent } from "react";
import type { CommentMessage, CommentThread } from "../../shared/model/comments";
import { ApiError } from "../api/apiFetch";
import { editMessage, replyToThread, resolveThread } from "../api/commentsApi";
import { formatDateTime } from "./formatDateTime";
import { mentionedIds, MentionTextarea, type MentionCandidate } from "./MentionTextarea";

interface CommentThreadCardProps {
  itemId: string;
  thread: CommentThread;
  /** The thread's text was deleted: it is shown with its quote, marked as such. */
  orphaned: boolean;
  active: boolean;
  userId: string;
  canComment: boolean;
  candidates: readonly MentionCandidate[];
  onShow: () => void;
}

function errorText(caught: unknown): string {
  return caught instanceof ApiError && caught.message
    ? caught.message
    : "Det lykkedes ikke. Prøv igen.";
}

/** One thread: what it is about, its messages, and reply / edit own / resolve. */
export function CommentThreadCard({
  itemId,
  thread,
  orphaned,
  active,
  userId,
  canComment,
  candidates,
  onShow,
}: CommentThreadCardProps) {
  const headingId = useId();
  const [reply, setReply] = useState("");
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      console.error("comment request failed", caught);
      setError(errorText(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function sendReply(event?: FormEvent) {
    event?.preventDefault();
    const text = reply.trim();
    if (text === "") return;
    const ok = await run(() =>
      replyToThread(itemId, thread.id, text, mentionedIds(text, candidates)),
    );
    if (ok) {
      setReply("");
      setReplying(false);
    }
  }

  const first = thread.messages[0]!;
  return (
    <article
      className="comment-thread"
      data-thread-id={thread.id}
      data-active={active}
      data-resolved={thread.resolved}
      data-orphaned={orphaned}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="visually-hidden">
        Kommentar fra {first.authorName}
      </h3>
      {orphaned ? (
        <p className="comment-quote comment-quote-orphaned">
          <span className="comment-orphan-label">Teksten er slettet</span>
          <del>{thread.quote}</del>
        </p>
      ) : (
        <button type="button" className="comment-quote" onClick={onShow}>
          <span className="visually-hidden">Vis i teksten: </span>
          <q>{thread.quote}</q>
        </button>
      )}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <MessageView
            key={message.id}
            itemId={itemId}
            threadId={thread.id}
            message={message}
            own={message.authorId === userId}
            canEdit={canComment && message.authorId === userId}
            onError={setError}
          />
        ))}
      </ol>
      {thread.resolved && <p className="comment-resolved-note">Markeret som løst</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {canComment && replying && (
        <form className="comment-form" onSubmit={sendReply}>
          <MentionTextarea
            label="Svar"
            value={reply}
            onChange={setReply}
            candidates={candidates}
            onSubmit={() => void sendReply()}
            autoFocus
          />
          <div className="comment-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Send svar
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setReplying(false);
                setReply("");
              }}
            >
              Annuller
            </button>
          </div>
        </form>
      )}
      {canComment && !replying && (
        <div className="comment-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setReplying(true);
              onShow();
            }}
          >
            Svar
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => resolveThread(itemId, thread.id, !thread.resolved))}
          >
            {thread.resolved ? "Genåbn tråd" : "Markér som løst"}
          </button>
        </div>
      )}
    </article>
  );
}

interface MessageViewProps {
  itemId: string;
  threadId: string;
  message: CommentMessage;
  own: boolean;
  canEdit: boolean;
  onError: (message: string | null) => void;
}

function MessageView({ itemId, threadId, message, own, canEdit, onError }: MessageViewProps) {
  const fieldId = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(message.text);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === "") return;
    setBusy(true);
    onError(null);
    try {
      await editMessage(itemId, threadId, message.id, text.trim());
      setEditing(false);
    } catch (caught) {
      console.error("editing a comment failed", caught);
      onError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="comment-message">
      <p className="comment-meta">
        <span className="comment-author">
          {message.authorName}
          {own && <span className="muted"> (dig)</span>}
        </span>{" "}
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {formatDateTime(message.createdAt)}
        </time>
        {message.editedAt !== null && <span className="muted"> · redigeret</span>}
      </p>
      {editing ? (
        <form className="comment-form" onSubmit={save}>
          <label htmlFor={fieldId} className="visually-hidden">
            Ret kommentar
          </label>
          <textarea
            id={fieldId}
            className="review-textarea"
            rows={3}
            value={text}
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- opened on request
            autoFocus
            onChange={(event) => setText(event.target.value)}
          />
          <div className="comment-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Gem
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(false);
                setText(message.text);
              }}
            >
              Annuller
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="comment-text">{withMentions(message.text)}</p>
          {canEdit && (
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setText(message.text);
                setEditing(true);
              }}
            >
              Ret<span className="visually-hidden"> din kommentar</span>
            </button>
          )}
        </>
      )}
    </li>
  );
}

/** "@Navn" shown in bold; the rest as written (line breaks kept by CSS). */
function withMentions(text: string) {
  return text.split(/(@[\p{L}\p{M}.'-]+(?: [\p{Lu}][\p{L}\p{M}.'-]*)*)/u).map((part, index) =>
    index % 2 === 1 ? (
      <strong key={index} className="comment-mention">
        {part}
      </strong>
    ) : (
      part
    ),
  );
}
