import { sql, type Transaction } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, Perspective, TeamRole } from "../../../db/schema";
import { notFound, requireTeamFacilitator, rowIdOrNotFound, type Team, type User } from "../../auth/permissions.server";
import type { MessageKey } from "../../i18n/i18n";
import { normaliseEmail } from "../accounts/accounts.server";
import { lastLoginOf } from "../audit/audit-log.server";
import { recordAudit } from "../audit/audit.server";
import { removeFromCoalition } from "../privacy/departures.server";
import { canJoinTeam, createInvitation } from "../accounts/invitations.server";

// Managing a coalition's people is the facilitators' job (DESIGN.md §2). Every function here checks
// that the acting person is a facilitator of THIS coalition, and looks ids up within this coalition
// only, so an id from another coalition answers 404 like one that does not exist.

export type TeamMemberRow = {
  membershipId: string;
  personId: string;
  name: string;
  email: string;
  role: TeamRole;
  perspective: Perspective;
  organisation: string | null;
  deactivated: boolean;
  /** The last login we know of (null: none since they joined, or none recorded). */
  lastLoginAt: Date | null;
  memberSince: Date;
  /** No login in the past 6 months, or never since joining more than 6 months ago. */
  inactive: boolean;
};

export type OpenInvitationRow = { id: string; email: string; role: TeamRole; expiresAt: Date; invitedBy: string | null };

/** What a refused change tells the facilitator: a message key, optionally for one form field. */
export type Refusal = { ok: false; message: MessageKey; field?: string };
export type Outcome<T = object> = ({ ok: true } & T) | Refusal;

export function listTeamMembersForFacilitator(user: User, team: Team): Promise<TeamMemberRow[]> {
  requireTeamFacilitator(user, team);
  return db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .leftJoin("organisation", "organisation.id", "membership.organisation_id")
    .where("membership.coalition_id", "=", team.id)
    .select([
      "membership.id as membershipId",
      "person.id as personId",
      "person.name",
      "person.email",
      "membership.role",
      "membership.perspective",
      "organisation.name as organisation",
      sql<boolean>`person.deactivated_at is not null`.as("deactivated"),
      lastLoginOf("person").as("lastLoginAt"),
      "membership.created_at as memberSince",
      sql<boolean>`coalesce(${lastLoginOf("person")}, membership.created_at) < now() - interval '6 months'`.as("inactive"),
    ])
    .orderBy("membership.role") // "facilitator" sorts before "member"
    .orderBy("person.name")
    .execute();
}

export function listOpenInvitations(user: User, team: Team): Promise<OpenInvitationRow[]> {
  requireTeamFacilitator(user, team);
  return db()
    .selectFrom("invitation")
    .leftJoin("person as inviter", "inviter.id", "invitation.invited_by")
    .where("invitation.coalition_id", "=", team.id)
    .where("invitation.accepted_at", "is", null)
    .where("invitation.revoked_at", "is", null)
    .where("invitation.expires_at", ">", sql<Date>`now()`)
    .select([
      "invitation.id",
      "invitation.email",
      sql<TeamRole>`invitation.role`.as("role"),
      "invitation.expires_at as expiresAt",
      "inviter.name as invitedBy",
    ])
    .orderBy("invitation.created_at", "desc")
    .execute();
}

/**
 * Invites someone by e-mail. Inviting the same address again replaces the earlier open invitation
 * (its link stops working), so there is only ever one link in circulation per person and coalition.
 */
export async function inviteToTeam(
  user: User,
  team: Team,
  input: { email: string; role: TeamRole },
  request: Request,
): Promise<Outcome> {
  requireTeamFacilitator(user, team);
  const email = normaliseEmail(input.email);
  const existing = await db()
    .selectFrom("person")
    .leftJoin("membership", (join) =>
      join.onRef("membership.person_id", "=", "person.id").on("membership.coalition_id", "=", team.id),
    )
    .where("person.email", "=", email)
    .select(["person.account_role", "person.deactivated_at", "membership.id as membershipId"])
    .executeTakeFirst();
  if (existing?.membershipId) return { ok: false, field: "email", message: "members.invite.alreadyMember" };
  if (existing && (existing.deactivated_at || !canJoinTeam(existing.account_role))) {
    return { ok: false, field: "email", message: "members.invite.cannotJoin" };
  }
  await db()
    .updateTable("invitation")
    .set({ revoked_at: new Date() })
    .where("coalition_id", "=", team.id)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  await createInvitation(
    { email, target: { kind: "team", coalitionId: team.id, role: input.role }, invitedBy: user.id },
    request,
  );
  return { ok: true };
}

/** Withdraws an open invitation of this coalition: its link stops working at once. */
export async function withdrawInvitation(user: User, team: Team, invitationId: string): Promise<void> {
  requireTeamFacilitator(user, team);
  rowIdOrNotFound(invitationId);
  const withdrawn = await db()
    .updateTable("invitation")
    .set({ revoked_at: new Date() })
    .where("id", "=", invitationId)
    .where("coalition_id", "=", team.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning(["id", "email"])
    .executeTakeFirst();
  if (!withdrawn) throw notFound();
  await recordAudit({
    kind: "invite",
    actorId: user.id,
    coalitionId: team.id,
    detail: { invitationId, withdrawn: true },
  });
}

type TargetMembership = { id: string; person_id: string; role: TeamRole };

/**
 * Runs a change to one membership of this coalition while holding the coalition's row lock, so that
 * two facilitators demoting each other at the same moment cannot leave the coalition without one.
 */
async function withMembership<T>(
  team: Team,
  membershipId: string,
  change: (trx: Transaction<Database>, target: TargetMembership, otherFacilitators: number) => Promise<T>,
): Promise<T> {
  rowIdOrNotFound(membershipId);
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx.selectFrom("coalition").where("id", "=", team.id).select("id").forUpdate().execute();
      const target = await trx
        .selectFrom("membership")
        .where("id", "=", membershipId)
        .where("coalition_id", "=", team.id)
        .select(["id", "person_id", "role"])
        .executeTakeFirst();
      if (!target) throw notFound();
      const { count } = await trx
        .selectFrom("membership")
        .innerJoin("person", "person.id", "membership.person_id")
        .where("membership.coalition_id", "=", team.id)
        .where("membership.role", "=", "facilitator")
        .where("membership.id", "!=", target.id)
        .where("person.deactivated_at", "is", null)
        .select((eb) => eb.fn.countAll<string>().as("count"))
        .executeTakeFirstOrThrow();
      return change(trx, target, Number(count));
    });
}

/** Whether taking away this facilitator would leave the coalition with no active facilitator. */
function isLastFacilitator(target: TargetMembership, otherFacilitators: number): boolean {
  return target.role === "facilitator" && otherFacilitators === 0;
}

/** Makes a member a facilitator or the other way round. Returns whether the actor changed their own role. */
export async function changeMemberRole(
  user: User,
  team: Team,
  membershipId: string,
  role: TeamRole,
): Promise<Outcome<{ self: boolean }>> {
  requireTeamFacilitator(user, team);
  const outcome = await withMembership(team, membershipId, async (trx, target, facilitators) => {
    if (target.role === role) return { ok: true as const, changed: false, target };
    if (role === "member" && isLastFacilitator(target, facilitators)) {
      return { ok: false as const, field: "role", message: "members.lastFacilitator.demote" as const };
    }
    await trx.updateTable("membership").set({ role }).where("id", "=", target.id).execute();
    return { ok: true as const, changed: true, target };
  });
  if (!outcome.ok) return outcome;
  if (outcome.changed) {
    await recordAudit({
      kind: "role_change",
      actorId: user.id,
      subjectId: outcome.target.person_id,
      coalitionId: team.id,
      detail: { membershipId, from: outcome.target.role, to: role },
    });
  }
  return { ok: true, self: outcome.target.person_id === user.id };
}

/** Takes a person out of this coalition (their account stays). Returns whether the actor left themselves. */
export async function removeMember(user: User, team: Team, membershipId: string): Promise<Outcome<{ self: boolean }>> {
  requireTeamFacilitator(user, team);
  const outcome = await withMembership(team, membershipId, async (trx, target, facilitators) => {
    if (isLastFacilitator(target, facilitators)) {
      return { ok: false as const, message: "members.lastFacilitator.remove" as const };
    }
    // What they shared stays with the team under "former member" (their private items stay theirs).
    await removeFromCoalition(trx, target.person_id, team.id, user.id);
    return { ok: true as const, target };
  });
  if (!outcome.ok) return outcome;
  await recordAudit({
    kind: "member_removed",
    actorId: user.id,
    subjectId: outcome.target.person_id,
    coalitionId: team.id,
    detail: { membershipId, role: outcome.target.role },
  });
  return { ok: true, self: outcome.target.person_id === user.id };
}

/** The ids of a coalition's facilitators: whom its join requests, signatures, quotes and visit requests go to. */
export async function facilitatorIds(coalitionId: string): Promise<string[]> {
  const rows = await db().selectFrom("membership").where("coalition_id", "=", coalitionId).where("role", "=", "facilitator").select("person_id").execute();
  return rows.map((row) => row.person_id);
}
