/**
 * The live agenda of one meeting: a read-only connection to the `meeting:<id>` document, which
 * the server rewrites after every accepted command (one map entry holding the whole meeting as
 * plain data). The client never writes this document; it sends commands over HTTP and renders
 * whatever the document holds next. The same connection's awareness carries presence: each
 * person's name, colour and the item they have open.
 */
import { WebsocketProvider } from "y-websocket";
import { destroyProvider } from "../sync/destroyProvider";
import * as Y from "yjs";
import type { Meeting } from "../../shared/model/agenda";
import { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY } from "../../shared/model/meetingDoc";
import { closeProblemFor, type CloseProblem } from "../sync/closeProblem";
import { watchConnection } from "../sync/watchConnection";

export interface MeetingSnapshot {
  /** The newest meeting state known (from the live document or an HTTP answer). */
  meeting: Meeting | null;
  connected: boolean;
  problem: CloseProblem | null;
}

export interface PresenceUser {
  name: string;
  color: string;
  initials: string;
}

/** One person with an item open, as read from awareness. */
export interface ItemPresence extends PresenceUser {
  clientId: number;
  self: boolean;
}

export class MeetingSyncSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private snapshot: MeetingSnapshot;
  private presence: ReadonlyMap<string, ItemPresence[]> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly presenceListeners = new Set<() => void>();
  private destroyed = false;
  private readonly stopWatching: () => void;

  constructor(options: { meetingId: string; wsOrigin: string; initial?: Meeting | null }) {
    this.snapshot = { meeting: options.initial ?? null, connected: false, problem: null };
    // disableBc: tabs must hear the server's state, never each other's.
    this.provider = new WebsocketProvider(
      `${options.wsOrigin}/sync`,
      `meeting:${options.meetingId}`,
      this.doc,
      { disableBc: true, connect: false },
    );
    const root = this.doc.getMap(MEETING_DOC_ROOT);
    root.observe(() => this.readState());
    this.provider.on("status", ({ status }) => {
      this.update({ connected: status === "connected" });
    });
    this.provider.on("connection-close", (event) => {
      if (event === null) return;
      const problem = closeProblemFor(event.code);
      if (problem !== null) this.update({ problem });
    });
    this.provider.awareness.on("change", this.readPresence);
    // Connects, and follows the browser's offline and online events.
    this.stopWatching = watchConnection(this.provider);
  }

  getSnapshot = (): MeetingSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Item id → the people who have it open right now. */
  getPresence = (): ReadonlyMap<string, ItemPresence[]> => this.presence;

  subscribePresence = (listener: () => void): (() => void) => {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  };

  /** Takes a meeting from an HTTP answer when it is newer than what the document has shown. */
  adopt(meeting: Meeting): void {
    const current = this.snapshot.meeting;
    if (current === null || meeting.version > current.version) this.update({ meeting });
  }

  /** Tells everyone on this meeting which item this person has open (null: none). */
  setPresence(user: PresenceUser, itemId: string | null): void {
    if (this.destroyed) return;
    this.provider.awareness.setLocalState({ user, itemId });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopWatching();
    this.listeners.clear();
    this.presenceListeners.clear();
    this.provider.awareness.off("change", this.readPresence);
    destroyProvider(this.provider);
    this.doc.destroy();
  }

  private readState(): void {
    const state = this.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY);
    if (state === undefined || state === null || typeof state !== "object") return;
    const meeting = state as Meeting;
    const current = this.snapshot.meeting;
    // The document is the truth; an HTTP answer may only have been ahead of it for a moment.
    if (current === null || meeting.version >= current.version) this.update({ meeting });
  }

  private readPresence = (): void => {
    const byItem = new Map<string, ItemPresence[]>();
    const awareness = this.provider.awareness;
    for (const [clientId, state] of awareness.getStates()) {
      const { user, itemId } = state as { user?: Partial<PresenceUser>; itemId?: unknown };
      if (typeof itemId !== "string" || typeof user?.name !== "string") continue;
      const person: ItemPresence = {
        clientId,
        name: user.name,
        color: typeof user.color === "string" ? user.color : "#4d5b6a",
        initials: typeof user.initials === "string" ? user.initials : initialsOf(user.name),
        self: clientId === awareness.clientID,
      };
      byItem.set(itemId, [...(byItem.get(itemId) ?? []), person]);
    }
    this.presence = byItem;
    for (const listener of this.presenceListeners) listener();
  };

  private update(patch: Partial<MeetingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 3)
    .toLowerCase();
}
