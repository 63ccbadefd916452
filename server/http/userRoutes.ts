import { randomBytes } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import { OfficerInitials } from "../../shared/model";
import { ROLES } from "../../shared/roles";
import type { Sessions } from "../auth/sessions";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { Store } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import { ApiError } from "./ApiError";
import { hashInviteToken, publicUser } from "./authRoutes";
import { requireUser } from "./requireAuth";

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
const COLORS = [
  "#1f6f8b",
  "#8b3a1f",
  "#5b3f8c",
  "#2e7d32",
  "#6d4c41",
  "#ad1457",
  "#00695c",
  "#4527a0",
];

const InviteRequest = z.object({
  email: z.string().trim().toLowerCase().email({ message: "Ugyldig e-mailadresse" }).max(320),
  name: z.string().trim().min(1).max(200),
  initials: OfficerInitials,
  role: z.enum(ROLES),
});

const RoleRequest = z.object({ role: z.enum(ROLES).nullable() });
const ActiveRequest = z.object({ active: z.boolean() });

/** User administration for the secretariat: invite, assign roles, deactivate. */
export function userRoutes(deps: {
  store: Store;
  meetings: MeetingService;
  policy: AccessPolicy;
  sync: SyncServer;
  sessions: Sessions;
}): Router {
  const router = Router();
  const { store, meetings, policy, sync, sessions } = deps;

  router.get("/committees/:committeeId/members", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireRole(user, req.params.committeeId, "manageUsers");
    const members = await store.users.members(req.params.committeeId);
    const result = [];
    for (const member of members) {
      const person = await store.users.getUser(member.userId);
      if (person)
        result.push({ user: { ...publicUser(person), active: person.active }, role: member.role });
    }
    res.json({ members: result });
  });

  // Every member sees who else is in the committee (for @mentions, assigning officers).
  router.get("/committees/:committeeId/people", async (req, res) => {
    const { user } = requireUser(req);
    const role = await policy.roleIn(user.id, req.params.committeeId);
    if (!role) throw new ApiError(404, "committee_not_found", "Udvalget findes ikke");
    const people = [];
    for (const member of await store.users.members(req.params.committeeId)) {
      const person = await store.users.getUser(member.userId);
      if (person && person.active) {
        people.push({
          id: person.id,
          name: person.name,
          initials: person.initials,
          color: person.color,
          role: member.role,
        });
      }
    }
    res.json({ people });
  });

  router.post("/committees/:committeeId/members", async (req, res) => {
    const { user } = requireUser(req);
    const committeeId = req.params.committeeId;
    await policy.requireRole(user, committeeId, "manageUsers");
    const invite = InviteRequest.parse(req.body);
    let person = await store.users.getUserByEmail(invite.email);
    let inviteToken: string | null = null;
    if (!person) {
      person = {
        id: newId(),
        email: invite.email,
        name: invite.name,
        initials: invite.initials,
        color: COLORS[Math.floor(Math.random() * COLORS.length)]!,
        passwordHash: null,
        active: true,
      };
      await store.users.createUser(person);
      inviteToken = randomBytes(24).toString("base64url");
      await store.users.createInvite(
        hashInviteToken(inviteToken),
        person.id,
        Date.now() + INVITE_TTL_MS,
      );
    }
    await store.users.setMembership(person.id, committeeId, invite.role);
    await meetings.audit(user.id, "user.invite", null, null, {
      committeeId,
      userId: person.id,
      email: person.email,
      role: invite.role,
    });
    await sync.refreshAccessForUser(person.id);
    res.status(201).json({
      user: publicUser(person),
      role: invite.role,
      invitePath: inviteToken ? `/invitation/${inviteToken}` : null,
    });
  });

  router.put("/committees/:committeeId/members/:userId", async (req, res) => {
    const { user } = requireUser(req);
    const { committeeId, userId } = req.params;
    await policy.requireRole(user, committeeId, "manageUsers");
    const { role } = RoleRequest.parse(req.body);
    const person = await store.users.getUser(userId);
    if (!person) throw new ApiError(404, "user_not_found", "Personen findes ikke");
    const before = await policy.roleIn(userId, committeeId);
    await store.users.setMembership(userId, committeeId, role);
    await meetings.audit(user.id, "user.role_change", null, null, {
      committeeId,
      userId,
      from: before,
      to: role,
    });
    // Open connections follow the new role at once.
    await sync.refreshAccessForUser(userId);
    res.json({ user: publicUser(person), role });
  });

  router.put("/users/:userId/active", async (req, res) => {
    const { user } = requireUser(req);
    const { active } = ActiveRequest.parse(req.body);
    const person = await store.users.getUser(req.params.userId);
    if (!person) throw new ApiError(404, "user_not_found", "Personen findes ikke");
    // Only a secretariat of a committee the person belongs to may (de)activate them.
    const shared = await store.users.memberships(person.id);
    let allowed = false;
    for (const membership of shared) {
      if ((await policy.roleIn(user.id, membership.committeeId)) === "sekretariat") allowed = true;
    }
    if (!allowed) throw new ApiError(403, "forbidden", "Din rolle giver ikke adgang til dette");
    if (person.id === user.id && !active)
      throw new ApiError(409, "cannot_deactivate_self", "Du kan ikke deaktivere dig selv");
    await store.users.updateUser(person.id, { active });
    // A deactivated person is signed out everywhere: sessions, their sockets and sync tokens.
    if (!active) await sessions.destroyAllOf(person.id, null);
    await meetings.audit(user.id, active ? "user.activate" : "user.deactivate", null, null, {
      userId: person.id,
    });
    await sync.refreshAccessForUser(person.id);
    res.json({ user: { ...publicUser(person), active } });
  });

  return router;
}
