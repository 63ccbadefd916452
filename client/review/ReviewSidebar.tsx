import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { mayComment } from "../../shared/permissions";
import type { SessionUser } from "../api/types";
import { syncSelectionFromDOM } from "../editor/syncSelectionFromDOM";
import type { ItemSyncSession } from "../sync/ItemSyncSession";
import type { ItemWorkflow } from "../workflow/useItemWorkflow";
import { anchorFromSelection, type CommentDraft } from "./commentAnchors";
import { CommentsPanel } from "./CommentsPanel";
import { HistoryPanel } from "./HistoryPanel";
import type { OpenSuggestion } from "../../shared/suggestions";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { useOpenSuggestions } from "./useOpenSuggestions";
import { RedlinePanel, type Comparison } from "./RedlinePanel";
import { useCommentHighlights } from "./useCommentHighlights";
import { useCommentThreads } from "./useCommentThreads";
import { usePeople } from "./usePeople";
import { useVersions } from "./useVersions";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./review.css";

interface ReviewSidebarProps {
  workflow: ItemWorkflow;
  session: ItemSyncSession;
  /** The item's running editor; null until it is mounted. */
  editor: Editor | null;
  user: SessionUser;
}

const TABS = [
  { id: "comments", label: "Kommentarer" },
  { id: "suggestions", label: "Forslag" },
  { id: "history", label: "Historik" },
  { id: "changes", label: "Ændringer" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** `?traad=<id>` (from the "Mine omtaler" list) opens the page on that thread. */
function threadFromUrl(): string | null {
  return new URLSearchParams(location.search).get("traad");
}

/**
 * Reviewing an item, beside its editor: comment threads (highlighted in the text), version
 * history with attribution, and redline. Mountable wherever the item editor is shown.
 */
export function ReviewSidebar({ workflow, session, editor, user }: ReviewSidebarProps) {
  const { itemId, access, role, status } = workflow;
  const rootRef = useRef<HTMLElement>(null);
  const [tab, setTab] = useState<TabId>("comments");
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [chosenComparison, setComparison] = useState<Comparison | null>(null);
  const threadsLoad = useCommentThreads(itemId);
  const threads = useMemo(
    () => (threadsLoad.status === "live" ? threadsLoad.threads : []),
    [threadsLoad],
  );
  const versions = useVersions(itemId, status);
  const { names: people, mentionable } = usePeople(
    user,
    itemId,
    session.provider.awareness,
    threads,
  );
  const candidates = useMemo(
    () => mentionable.filter((person) => person.id !== user.id),
    [mentionable, user.id],
  );
  const canComment = access !== null && mayComment(access);
  const suggestions = useOpenSuggestions(editor);

  // "#forslag-<id>" (a link in the approval dialog) opens "Forslag" on that suggestion.
  useEffect(() => {
    const follow = () => {
      if (!location.hash.startsWith("#forslag-")) return;
      setTab("suggestions");
      const id = decodeURIComponent(location.hash.slice(1));
      requestAnimationFrame(() => {
        const entry = document.getElementById(id);
        entry?.scrollIntoView({ block: "nearest" });
        entry?.querySelector<HTMLElement>("button")?.focus();
      });
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  const scrollCardIntoView = useCallback((threadId: string) => {
    requestAnimationFrame(() => {
      rootRef.current
        ?.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`)
        ?.scrollIntoView({ block: "nearest" });
    });
  }, []);

  const startComment = useCallback(() => {
    if (!editor || !canComment) return;
    syncSelectionFromDOM(editor.view);
    const captured = anchorFromSelection(editor.state, session);
    setTab("comments");
    if (captured === null) {
      setHint("Markér først den tekst i punktet, du vil kommentere.");
      return;
    }
    setHint(null);
    setDraft(captured);
  }, [editor, canComment, session]);

  // A thread on a suggestion is a comment anchored on its text (inserted or struck), so it
  // stays with the words while they are discussed and is shown on the suggestion's card.
  const commentOnSuggestion = useCallback(
    (suggestion: OpenSuggestion) => {
      if (!editor || !canComment) return;
      editor.commands.setTextSelection({ from: suggestion.from, to: suggestion.to });
      const captured = anchorFromSelection(editor.state, session);
      setTab("comments");
      if (captured === null) {
        setHint("Forslaget kan ikke kommenteres: dets tekst findes ikke længere.");
        return;
      }
      setHint(null);
      setDraft(captured);
    },
    [editor, canComment, session],
  );

  const highlights = useCommentHighlights(editor, session, threads, {
    onActivate: (threadId) => {
      setTab("comments");
      highlights.setActive(threadId);
      scrollCardIntoView(threadId);
    },
    onCommentShortcut: startComment,
  });
  const { setActive, setPending } = highlights;

  useEffect(() => setPending(draft?.range ?? null), [draft, setPending]);

  // Opened from a mention: show that thread once the threads are here.
  const wanted = useRef(threadFromUrl());
  useEffect(() => {
    const id = wanted.current;
    if (id === null || !threads.some((t) => t.id === id)) return;
    wanted.current = null;
    setActive(id);
    scrollCardIntoView(id);
  }, [threads, setActive, scrollCardIntoView]);

  function showThread(threadId: string) {
    setActive(threadId);
    const range = highlights.ranges.get(threadId);
    if (!editor || !range) return;
    const { node } = editor.view.domAtPos(range.from);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: "center" });
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((t) => t.id === tab);
    let next = index;
    if (event.key === "ArrowRight") next = (index + 1) % TABS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = TABS.length - 1;
    else return;
    event.preventDefault();
    const target = TABS[next]!;
    setTab(target.id);
    rootRef.current?.querySelector<HTMLElement>(`#review-tab-${target.id}`)?.focus();
  }

  const openCount = threads.filter((t) => !t.resolved).length;
  const versionList = useMemo(
    () => (versions.load.status === "loaded" ? versions.load.versions : []),
    [versions.load],
  );
  // Until the person picks: the director and the chair see what changed since their own step,
  // others what changed since the newest version.
  const newestId = versionList.at(-1)?.id ?? "live";
  const defaultComparison = useMemo<Comparison>(
    () =>
      role === "formand" || role === "direktoer"
        ? { kind: "sinceMine" }
        : { kind: "versions", from: newestId, to: "live" },
    [role, newestId],
  );
  const comparison = chosenComparison ?? defaultComparison;

  return (
    <section className="review-sidebar" aria-label="Gennemsyn" ref={rootRef}>
      <div className="review-tabs" role="tablist" aria-label="Gennemsyn">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`review-tab-${t.id}`}
            type="button"
            role="tab"
            className="review-tab"
            aria-selected={tab === t.id}
            aria-controls={`review-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={onTabKey}
          >
            {t.label}
            {t.id === "comments" && openCount > 0 && (
              <span className="review-tab-count">
                <span className="visually-hidden">, åbne: </span>
                {openCount}
              </span>
            )}
            {t.id === "suggestions" && suggestions.length > 0 && (
              <span className="review-tab-count">
                <span className="visually-hidden">, åbne: </span>
                {suggestions.length}
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        id={`review-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`review-tab-${tab}`}
        className="review-panel"
        tabIndex={0}
      >
        {tab === "comments" &&
          (threadsLoad.status === "refused" ? (
            <p className="muted">Du kan ikke se kommentarerne til dette punkt.</p>
          ) : (
            <CommentsPanel
              itemId={itemId}
              threads={threadsLoad.status === "live" ? threads : null}
              ranges={highlights.ranges}
              activeId={highlights.activeId}
              userId={user.id}
              canComment={canComment}
              candidates={candidates}
              draft={draft}
              hint={hint}
              onStartComment={startComment}
              onDraftDone={(created) => {
                setDraft(null);
                if (created) setActive(created);
              }}
              onShowThread={showThread}
            />
          ))}
        {tab === "suggestions" && (
          <SuggestionsPanel
            itemId={itemId}
            suggestions={suggestions}
            editor={editor}
            canDecide={access === "write"}
            onDecided={versions.reload}
            canComment={canComment}
            onComment={commentOnSuggestion}
            threadsOn={(suggestion) =>
              threads.filter((thread) => {
                const range = highlights.ranges.get(thread.id);
                return (
                  !thread.resolved &&
                  range != null &&
                  range.from < suggestion.to &&
                  range.to > suggestion.from
                );
              })
            }
            onShowThread={(threadId) => {
              setTab("comments");
              showThread(threadId);
              scrollCardIntoView(threadId);
            }}
          />
        )}
        {tab === "history" && (
          <HistoryPanel
            itemId={itemId}
            versions={versions.load}
            access={access}
            people={people}
            onVersionsChanged={versions.reload}
            onCompare={(versionId) => {
              setComparison({ kind: "versions", from: versionId, to: "live" });
              setTab("changes");
            }}
          />
        )}
        {tab === "changes" && (
          <RedlinePanel
            itemId={itemId}
            versions={versionList}
            role={role}
            comparison={comparison}
            onComparisonChange={setComparison}
            editor={editor}
          />
        )}
      </div>
    </section>
  );
}
