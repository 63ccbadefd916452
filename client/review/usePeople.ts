import { useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { CommentThread } from "../../shared/model/comments";
import { isNetworkError, isSignedOut } from "../api/apiFetch";
import { fetchItemPeople, type MentionablePerson } from "../api/commentsApi";
import type { SessionUser } from "../api/types";

function awarenessPeople(awareness: Awareness): [string, string][] {
  const people: [string, string][] = [];
  for (const state of awareness.getStates().values()) {
    const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
    if (typeof user?.id === "string" && typeof user.name === "string") {
      people.push([user.id, user.name]);
    }
  }
  return people;
}

export interface People {
  /** Names by id of everyone the page knows of (history, attribution). */
  names: ReadonlyMap<string, string>;
  /** Who may be named in the comments, as the server says (everyone who may read them). */
  mentionable: readonly MentionablePerson[];
}

/**
 * The people of an item: those who may be named in its comments (from the server: every
 * committee member who may read the item and its comments), and the names of everyone the page
 * knows of — those, the people who have the item open and those who have commented on it.
 */
export function usePeople(
  user: SessionUser,
  itemId: string,
  awareness: Awareness,
  threads: readonly CommentThread[],
): People {
  const [mentionable, setMentionable] = useState<MentionablePerson[]>([]);
  const [present, setPresent] = useState(() => awarenessPeople(awareness));

  useEffect(() => {
    const refresh = () => setPresent(awarenessPeople(awareness));
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness]);

  useEffect(() => {
    const controller = new AbortController();
    fetchItemPeople(itemId, controller.signal).then(setMentionable, (error: unknown) => {
      // Unreachable, or signed out (the page's sync connection sends the person to the login):
      // the page says so itself, nothing to log.
      if (!controller.signal.aborted && !isNetworkError(error) && !isSignedOut(error)) {
        console.warn("loading the people of the item failed", error);
      }
    });
    return () => controller.abort();
  }, [itemId]);

  const names = useMemo(() => {
    const known = new Map<string, string>(mentionable.map((person) => [person.id, person.name]));
    for (const [id, name] of present) known.set(id, name);
    for (const thread of threads) {
      for (const message of thread.messages) known.set(message.authorId, message.authorName);
    }
    known.set(user.id, user.name);
    return known;
  }, [mentionable, present, threads, user]);

  return { names, mentionable };
}
