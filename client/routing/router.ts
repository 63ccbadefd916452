/**
 * A tiny router on the History API: a handful of kinds of page, paths parsed by one pure function.
 * `navigate` pushes (or replaces) a history entry and tells subscribers; the back button
 * arrives as `popstate`.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { name: "start" }
  | { name: "login"; next: string | null }
  | { name: "item"; id: string }
  | { name: "items" }
  | { name: "committee"; committeeId: string }
  | { name: "meeting"; id: string; itemId: string | null }
  | { name: "preview"; id: string }
  | { name: "minutes"; id: string }
  | { name: "publish"; id: string }
  | { name: "users" }
  | { name: "mentions" }
  | { name: "invitation"; token: string }
  /** The committee's audit log; `id`: the meeting it opens filtered on, if any. */
  | { name: "audit"; id: string | null }
  | { name: "notFound"; path: string };

export function parseRoute(pathname: string, search = ""): Route {
  if (pathname === "/" || pathname === "") return { name: "start" };
  if (pathname === "/login") {
    const next = new URLSearchParams(search).get("next");
    // Only same-site paths: never an open redirect to another origin.
    return { name: "login", next: next?.startsWith("/") && !next.startsWith("//") ? next : null };
  }
  const item = /^\/items\/([^/]+)\/?$/.exec(pathname);
  if (item?.[1] !== undefined) return { name: "item", id: decodeURIComponent(item[1]) };
  const meetingRoute = parseMeetingRoute(pathname);
  if (meetingRoute) return meetingRoute;
  const minutesRoute = parseMinutesRoute(pathname);
  if (minutesRoute) return minutesRoute;
  const reviewRoute = parseReviewRoute(pathname);
  if (reviewRoute) return reviewRoute;
  return { name: "notFound", path: pathname };
}

/** Meetings and their agendas: /udvalg/:id, /moeder/:id, /moeder/:id/punkter/:itemId, /moeder/:id/dagsorden. */
function parseMeetingRoute(pathname: string): Route | null {
  if (/^\/punkter\/?$/.test(pathname)) return { name: "items" };
  const committee = /^\/udvalg\/([^/]+)\/?$/.exec(pathname);
  if (committee?.[1] !== undefined) {
    return { name: "committee", committeeId: decodeURIComponent(committee[1]) };
  }
  const meeting = /^\/moeder\/([^/]+)(?:\/punkter\/([^/]+))?\/?$/.exec(pathname);
  if (meeting?.[1] !== undefined) {
    return {
      name: "meeting",
      id: decodeURIComponent(meeting[1]),
      itemId: meeting[2] !== undefined ? decodeURIComponent(meeting[2]) : null,
    };
  }
  const preview = /^\/moeder\/([^/]+)\/dagsorden\/?$/.exec(pathname);
  if (preview?.[1] !== undefined) return { name: "preview", id: decodeURIComponent(preview[1]) };
  return null;
}

/** Minutes mode and publication: /moeder/:id/referat, /moeder/:id/offentliggoer. */
function parseMinutesRoute(pathname: string): Route | null {
  const match = /^\/moeder\/([^/]+)\/(referat|offentliggoer)\/?$/.exec(pathname);
  if (match?.[1] === undefined) return null;
  const id = decodeURIComponent(match[1]);
  return match[2] === "referat" ? { name: "minutes", id } : { name: "publish", id };
}

/**
 * Administration and review: /brugere, /omtaler, /invitation/:token, /revisionsspor,
 * /moeder/:id/revisionsspor.
 */
function parseReviewRoute(pathname: string): Route | null {
  if (/^\/brugere\/?$/.test(pathname)) return { name: "users" };
  if (/^\/revisionsspor\/?$/.test(pathname)) return { name: "audit", id: null };
  if (/^\/omtaler\/?$/.test(pathname)) return { name: "mentions" };
  const invitation = /^\/invitation\/([^/]+)\/?$/.exec(pathname);
  if (invitation?.[1] !== undefined) {
    return { name: "invitation", token: decodeURIComponent(invitation[1]) };
  }
  const audit = /^\/moeder\/([^/]+)\/revisionsspor\/?$/.exec(pathname);
  if (audit?.[1] !== undefined) return { name: "audit", id: decodeURIComponent(audit[1]) };
  return null;
}

export function committeePath(committeeId: string): string {
  return `/udvalg/${encodeURIComponent(committeeId)}`;
}

export function meetingPath(meetingId: string, itemId?: string | null): string {
  const base = `/moeder/${encodeURIComponent(meetingId)}`;
  return itemId ? `${base}/punkter/${encodeURIComponent(itemId)}` : base;
}

export function previewPath(meetingId: string): string {
  return `/moeder/${encodeURIComponent(meetingId)}/dagsorden`;
}

export function minutesPath(meetingId: string, itemId?: string): string {
  const base = `/moeder/${encodeURIComponent(meetingId)}/referat`;
  return itemId ? `${base}#beslutning-${encodeURIComponent(itemId)}` : base;
}

export function publishPath(meetingId: string): string {
  return `/moeder/${encodeURIComponent(meetingId)}/offentliggoer`;
}

export function itemPath(id: string): string {
  return `/items/${encodeURIComponent(id)}`;
}

export const usersPath = "/brugere";
export const mentionsPath = "/omtaler";

/** The audit log, opened on one meeting's entries when given. */
export function auditPath(meetingId?: string): string {
  return meetingId ? `/moeder/${encodeURIComponent(meetingId)}/revisionsspor` : "/revisionsspor";
}

export function loginPath(next?: string): string {
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

const NAVIGATE_EVENT = "dagsorden:navigate";

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function currentPath(): string {
  return location.pathname + location.search;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** The current path (with query), re-rendering on navigation. */
export function useCurrentPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}
