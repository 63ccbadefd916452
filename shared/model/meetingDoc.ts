/**
 * The `meeting:<id>` Yjs document is a projection of the stored meeting, written only by the
 * server after each accepted command: one map whose `state` entry holds the whole meeting as
 * plain data. Clients read it and re-render; they never write it.
 */
import type { Meeting } from "./agenda";

export const MEETING_DOC_ROOT = "meeting";
export const MEETING_DOC_STATE_KEY = "state";

export type MeetingProjection = Meeting;
