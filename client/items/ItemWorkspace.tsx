import type { Editor } from "@tiptap/core";
import { useEffect, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import type { Access } from "../../shared/permissions";
import { CloseCode } from "../../shared/protocol";
import type { SessionUser } from "../api/types";
import { ItemEditor } from "../editor/ItemEditor";
import { PresenceList } from "../editor/PresenceList";
import { SaveStatus } from "../editor/SaveStatus";
import { ReviewSidebar } from "../review/ReviewSidebar";
import { useOpenSuggestions } from "../review/useOpenSuggestions";
import type { ItemSyncSession, Refusal } from "../sync/ItemSyncSession";
import { AccessNotice } from "../workflow/AccessNotice";
import { useItemWorkflow } from "../workflow/useItemWorkflow";
import { WorkflowBar } from "../workflow/WorkflowBar";
import { RefusalNotice } from "./RefusalNotice";

interface ItemWorkspaceProps {
  itemId: string;
  session: ItemSyncSession;
  refusal: Refusal | null;
  onDismissRefusal: () => void;
  user: SessionUser;
  /** Labels the editable area, e.g. the item's number and title. */
  label: string;
  /** "page": the item page; "pane": the meeting page's item pane (more compact). */
  layout: "page" | "pane";
  onUnauthenticated: () => void;
  /** Shown between the workflow bar and the text (the meeting page's bilag). */
  children?: (access: Access | null, editor: Editor | null) => ReactNode;
  /** Clicks in the text (the meeting page downloads a bilag from its `./.` marker). */
  onTextClick?: (event: MouseEvent<HTMLDivElement>) => void;
}

/**
 * One open item, wherever it is worked on: its workflow, what the server refused, why it cannot
 * be edited, the editor with its save status, who is here, and the review tools (comments,
 * history, changes). The item page and the meeting page's item pane both show this.
 */
export function ItemWorkspace(props: ItemWorkspaceProps) {
  const { itemId, session, user, onUnauthenticated } = props;
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { access, problem, ready, saveState } = snapshot;
  const workflow = useItemWorkflow(itemId, session, onUnauthenticated);
  const [editor, setEditor] = useState<Editor | null>(null);
  const openSuggestions = useOpenSuggestions(editor);

  useEffect(() => {
    if (problem?.kind === "unauthenticated") onUnauthenticated();
  }, [problem, onUnauthenticated]);

  const editable =
    (access === "write" || access === "suggest") && problem === null && snapshot.refusal === null;
  const status = problem === null && (
    <SaveStatus state={saveState} editable={editable} refused={props.refusal !== null} />
  );
  return (
    <div className="item-layout" data-layout={props.layout} data-access={access ?? "unknown"}>
      <div className="item-main">
        <WorkflowBar workflow={workflow} openSuggestions={openSuggestions} />
        {props.children?.(problem === null ? access : null, access === "write" ? editor : null)}
        {props.refusal && (
          <RefusalNotice refusal={props.refusal} onDismiss={props.onDismissRefusal} />
        )}
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
        {problem === null && (
          <AccessNotice
            access={access}
            status={workflow.status}
            meetingPhase={workflow.meetingPhase}
          />
        )}
        {/* Clicks on ./. markers download their bilag where the page offers it. */}
        <div className="marker-links" onClick={props.onTextClick}>
          {ready ? (
            <ItemEditor
              session={session}
              user={user}
              editable={editable}
              suggestOnly={access === "suggest"}
              label={props.label}
              status={status}
              onEditorChange={setEditor}
            />
          ) : (
            <>
              <div className="item-statusbar">{status}</div>
              {problem === null && (
                <p className="muted loading">
                  {saveState.connection === "connected"
                    ? "Henter punktets tekst …"
                    : "Punktets tekst kan ikke hentes, før der er forbindelse til serveren."}
                </p>
              )}
            </>
          )}
        </div>
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
