import type { Editor } from "@tiptap/core";
import { useEffect, useState, useSyncExternalStore } from "react";
import { formatDocName, parseDocName } from "../../shared/docName";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { CloseCode } from "../../shared/protocol";
import { ApiError } from "../api/apiFetch";
import { fetchItem } from "../api/itemsApi";
import type { ItemSummary, SessionUser } from "../api/types";
import { ItemEditor } from "../editor/ItemEditor";
import { PresenceList } from "../editor/PresenceList";
import { ReviewSidebar } from "../review/ReviewSidebar";
import { SaveStatus } from "../editor/SaveStatus";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { ItemSyncSession } from "../sync/ItemSyncSession";
import { AccessNotice } from "../workflow/AccessNotice";
import { useItemWorkflow } from "../workflow/useItemWorkflow";
import { WorkflowBar } from "../workflow/WorkflowBar";
import { caseLine } from "./caseLine";
import { itemHeading } from "./itemHeading";
import { NotFoundPage } from "./NotFoundPage";
import { wsOrigin } from "../sync/wsOrigin";

interface ItemPageProps {
  id: string;
  user: SessionUser;
  onUnauthenticated: () => void;
}

type HeaderLoad =
  | { status: "loading" }
  | { status: "loaded"; item: ItemSummary }
  | { status: "notFound" }
  // Offline or a server error: the body may still be edited from the local copy.
  | { status: "unavailable" };

export function ItemPage({ id, user, onUnauthenticated }: ItemPageProps) {
  const docName = formatDocName("item", id);
  const validName = parseDocName(docName) !== null;
  const [header, setHeader] = useState<HeaderLoad>({ status: "loading" });
  const [session, setSession] = useState<ItemSyncSession | null>(null);
  useDocumentTitle(header.status === "loaded" ? itemHeading(header.item) : "Punkt");

  useEffect(() => {
    if (!validName) return;
    const controller = new AbortController();
    fetchItem(id, controller.signal).then(
      (item) => setHeader({ status: "loaded", item }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        if (error instanceof ApiError && error.status === 404) {
          return setHeader({ status: "notFound" });
        }
        console.warn("loading item header failed", error);
        setHeader({ status: "unavailable" });
      },
    );
    return () => controller.abort();
  }, [id, validName, onUnauthenticated]);

  // The session starts at once, not after the header: offline, the body comes from IndexedDB.
  useEffect(() => {
    if (!validName) return;
    const created = new ItemSyncSession({ docName, wsOrigin: wsOrigin() });
    // The session is an external system (sockets, IndexedDB) whose lifetime is this effect's;
    // it is created here, not during render, so StrictMode's double effects cannot leak one.
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [docName, validName]);

  if (!validName || header.status === "notFound") return <NotFoundPage />;

  const title = header.status === "loaded" ? itemHeading(header.item) : "Punkt";
  return (
    <main className="page item-page" id="main">
      <nav className="breadcrumb" aria-label="Brødkrumme">
        <RouterLink href="/">Møder</RouterLink>
        <span aria-hidden="true"> / </span>
        {header.status === "loaded" && header.item.meetingId && (
          <>
            <RouterLink href={meetingPath(header.item.meetingId, id)}>
              {header.item.meetingDate
                ? formatDanishDate(header.item.meetingDate)
                : (header.item.meetingTitle ?? "Mødet")}
            </RouterLink>
            <span aria-hidden="true"> / </span>
          </>
        )}
        <span aria-current="page">{title}</span>
      </nav>
      <header className="item-header">
        <h1>{title}</h1>
        {header.status === "loaded" && caseLine(header.item) !== "" && (
          <p className="case-line">{caseLine(header.item)}</p>
        )}
        {header.status === "loaded" && header.item.meetingTitle && (
          <p className="meeting-line">
            {header.item.meetingTitle}
            {header.item.meetingDate ? `, ${formatDanishDate(header.item.meetingDate)}` : ""}
          </p>
        )}
        {header.status === "unavailable" && (
          <p className="muted">Punktets oplysninger kan ikke hentes lige nu.</p>
        )}
      </header>
      {session && (
        <ItemWorkspace
          itemId={id}
          session={session}
          user={user}
          title={title}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </main>
  );
}

interface ItemWorkspaceProps {
  itemId: string;
  session: ItemSyncSession;
  user: SessionUser;
  title: string;
  onUnauthenticated: () => void;
}

function ItemWorkspace({ itemId, session, user, title, onUnauthenticated }: ItemWorkspaceProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { access, problem, ready, saveState } = snapshot;
  const workflow = useItemWorkflow(itemId, session, onUnauthenticated);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    if (problem?.kind === "unauthenticated") onUnauthenticated();
  }, [problem, onUnauthenticated]);

  const editable = access === "write" && problem === null;
  return (
    <div className="item-layout" data-access={access ?? "unknown"}>
      <div className="item-main">
        <WorkflowBar workflow={workflow} />
        <div className="item-statusbar">
          <SaveStatus state={saveState} />
        </div>
        {problem?.kind === "final" && (
          <div className="notice notice-error" role="alert">
            <p>{problem.message}</p>
            {problem.code === CloseCode.invalidUpdate && (
              <p>
                Hvis fejlen kommer igen efter genindlæsning, kan denne browsers lokale kopi af
                punktet være forældet.{" "}
                <button
                  type="button"
                  className="button"
                  onClick={() => void session.discardLocalCopy().then(() => location.reload())}
                >
                  Kassér lokal kopi og genindlæs
                </button>
              </p>
            )}
          </div>
        )}
        {problem === null && <AccessNotice access={access} status={workflow.status} />}
        {ready ? (
          <ItemEditor
            session={session}
            user={user}
            editable={editable}
            label={title}
            onEditorChange={setEditor}
          />
        ) : (
          <p className="muted loading">
            {saveState.connection === "connected"
              ? "Henter punktets tekst …"
              : "Punktets tekst kan ikke hentes, før der er forbindelse til serveren."}
          </p>
        )}
      </div>
      <div className="item-side">
        <aside className="item-aside" aria-label="Deltagere">
          <PresenceList awareness={session.provider.awareness} />
        </aside>
        {workflow.role !== null && workflow.role !== "laeser" && (
          <ReviewSidebar workflow={workflow} session={session} editor={editor} user={user} />
        )}
      </div>
    </div>
  );
}
