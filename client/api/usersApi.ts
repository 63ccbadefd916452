import type { Role } from "../../shared/roles";
import { apiFetch } from "./apiFetch";
import type { SessionUser } from "./types";

export interface Membership {
  committeeId: string;
  role: Role;
}

export interface Member {
  user: SessionUser & { active: boolean };
  role: Role;
}

export interface Invitation {
  email: string;
  name: string;
  initials: string;
  role: Role;
}

export interface InviteResult {
  user: SessionUser;
  role: Role;
  /** "/invitation/<token>" for a new person; null when the person already had an account. */
  invitePath: string | null;
}

function membersUrl(committeeId: string, rest = ""): string {
  return `/api/committees/${encodeURIComponent(committeeId)}/members${rest}`;
}

/** The signed-in person's role in each committee (from `GET /api/me`). */
export async function fetchMemberships(signal?: AbortSignal): Promise<Membership[]> {
  const me = await apiFetch<{ memberships?: Membership[] }>("/api/me", signal ? { signal } : {});
  return me.memberships ?? [];
}

export async function fetchCommittees(
  signal?: AbortSignal,
): Promise<{ id: string; name: string }[]> {
  return (
    await apiFetch<{ committees: { id: string; name: string }[] }>(
      "/api/committees",
      signal ? { signal } : {},
    )
  ).committees;
}

export async function fetchMembers(committeeId: string, signal?: AbortSignal): Promise<Member[]> {
  return (await apiFetch<{ members: Member[] }>(membersUrl(committeeId), signal ? { signal } : {}))
    .members;
}

export async function inviteMember(
  committeeId: string,
  invitation: Invitation,
): Promise<InviteResult> {
  return apiFetch<InviteResult>(membersUrl(committeeId), { method: "POST", body: invitation });
}

/** Sets a member's role; null removes them from the committee. */
export async function setMemberRole(
  committeeId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  await apiFetch<unknown>(membersUrl(committeeId, `/${encodeURIComponent(userId)}`), {
    method: "PUT",
    body: { role },
  });
}

export async function setUserActive(userId: string, active: boolean): Promise<void> {
  await apiFetch<unknown>(`/api/users/${encodeURIComponent(userId)}/active`, {
    method: "PUT",
    body: { active },
  });
}

export async function acceptInvitation(token: string, password: string): Promise<SessionUser> {
  return (
    await apiFetch<{ user: SessionUser }>("/api/auth/accept-invite", {
      method: "POST",
      body: { token, password },
    })
  ).user;
}

/** The committee's active members with their roles, open to every member (`GET …/people`). */
export async function fetchPeople(
  committeeId: string,
  signal?: AbortSignal,
): Promise<{ id: string; name: string; initials: string; role: Role }[]> {
  const path = `/api/committees/${encodeURIComponent(committeeId)}/people`;
  return (
    await apiFetch<{ people: { id: string; name: string; initials: string; role: Role }[] }>(
      path,
      signal ? { signal } : {},
    )
  ).people;
}
