import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ItemStatus, MeetingPhase } from "../../shared/model/agenda";
import type { Access, ItemTransition } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { ApiError, isNetworkError } from "../api/apiFetch";
import { fetchItemDetail, transitionItem, type ItemDetail } from "../api/workflowApi";
import type { ItemSyncSession } from "../sync/ItemSyncSession";
import { phaseChangeAnnouncement, statusChangeAnnouncement } from "./statusMessages";
import { useLiveItemStatus } from "./useLiveItemStatus";

/** Everything the workflow and review panels need to know about one open item. */
export interface ItemWorkflow {
  itemId: string;
  /** The item's header with the person's role; null until loaded. */
  detail: ItemDetail | null;
  /** The live status (from the meeting document), else the header's. */
  status: ItemStatus | null;
  /** The meeting's live phase: approved minutes freeze the item (`isRecordFrozen`). */
  meetingPhase: MeetingPhase | null;
  /** The open connection's access as the server last said it, else the header's. */
  access: Access | null;
  role: Role | null;
  isOfficer: boolean;
  /** The last status change, phrased for a polite live region; "" before any. */
  announcement: string;
  /** Takes a workflow step; rejects with the server's ApiError. */
  transition: (transition: ItemTransition, reason: string | null) => Promise<void>;
  refresh: () => void;
}

/**
 * One item's workflow state, kept live: the status from the meeting document (every step by
 * anyone shows at once), the access from the item's own connection (the server demotes it the
 * moment the item is approved), and the header fetched again whenever either changes, so role
 * and access stay consistent with what the server decided.
 */
export function useItemWorkflow(
  itemId: string,
  session: ItemSyncSession,
  onUnauthenticated: () => void,
): ItemWorkflow {
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const request = useRef<AbortController | null>(null);
  const sessionAccess = useSyncExternalStore(session.subscribe, () => session.getSnapshot().access);

  const refresh = useCallback(() => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    fetchItemDetail(itemId, controller.signal).then(setDetail, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
      // Not readable (not sent out, closed, gone): the page says why.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return;
      if (!isNetworkError(error)) console.warn("loading the item's workflow state failed", error);
    });
  }, [itemId, onUnauthenticated]);

  useEffect(() => {
    refresh();
    return () => request.current?.abort();
  }, [refresh]);

  // A changed access means the server decided something: ask it what.
  useEffect(() => {
    let last = session.getSnapshot().access;
    return session.subscribe(() => {
      const access = session.getSnapshot().access;
      if (access === last) return;
      last = access;
      refresh();
    });
  }, [session, refresh]);

  const live = useLiveItemStatus(detail?.meetingId ?? null, itemId, refresh);
  const status = live.status ?? detail?.status ?? null;
  const meetingPhase = live.meetingPhase ?? detail?.meetingPhase ?? null;

  // Remember the status and phase seen last, to announce a change (adjusted while rendering, as
  // React recommends for state derived from a previous render).
  const [seen, setSeen] = useState<{
    status: ItemStatus | null;
    phase: MeetingPhase | null;
    announcement: string;
  }>({ status: null, phase: null, announcement: "" });
  if ((status !== null && status !== seen.status) || meetingPhase !== seen.phase) {
    const phaseNews =
      seen.phase !== null && meetingPhase !== null && meetingPhase !== seen.phase
        ? phaseChangeAnnouncement(seen.phase, meetingPhase)
        : null;
    const statusNews =
      seen.status !== null && status !== null && status !== seen.status
        ? statusChangeAnnouncement(seen.status, status)
        : null;
    setSeen({
      status,
      phase: meetingPhase,
      announcement: phaseNews ?? statusNews ?? seen.announcement,
    });
  }

  const transition = useCallback(
    async (step: ItemTransition, reason: string | null) => {
      await transitionItem(itemId, step, reason);
      refresh();
    },
    [itemId, refresh],
  );

  return {
    itemId,
    detail,
    status,
    meetingPhase,
    access: sessionAccess ?? detail?.access ?? null,
    role: detail?.role ?? null,
    isOfficer: detail?.isOfficer ?? false,
    announcement: seen.announcement,
    transition,
    refresh,
  };
}
