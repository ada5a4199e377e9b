import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { notFound, type Team, type User } from "../../auth/permissions.server";
import { openOwnSession, openSession, refuse, type Outcome } from "./session-access.server";

// Who comes to a confirmed session, who offers to bring a case, and who holds the roles the methods name.

/** An invitee says whether they come to the confirmed session. Saying no also withdraws them as case bringer. */
export async function answerInvitation(user: User, team: Team, id: string | undefined, rsvp: "yes" | "no"): Promise<Outcome> {
  const { session, invitation } = await openSession(user, team, id);
  if (!invitation) throw notFound();
  if (session.status !== "confirmed") return refuse(session.status === "polling" ? "session.error.rsvpBeforeConfirmed" : "session.error.cancelled");
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("session_invitee")
        .set(rsvp === "no" ? { rsvp, volunteers_case: false } : { rsvp })
        .where("session_id", "=", session.id)
        .where("person_id", "=", user.id)
        .execute();
      if (rsvp === "no") {
        // Someone who does not come holds no role in the session any more.
        for (const column of ["case_bringer_id", "timekeeper_id"] as const) {
          await trx
            .updateTable("intervision_session")
            .set({ [column]: null, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
            .where("id", "=", session.id)
            .where(column, "=", user.id)
            .execute();
        }
      }
    });
  return { ok: true };
}

/** An invitee who comes offers (or no longer offers) to bring a case. */
export async function volunteerAsCaseBringer(user: User, team: Team, id: string | undefined, volunteers: boolean): Promise<Outcome> {
  const { session, invitation } = await openSession(user, team, id);
  if (!invitation) throw notFound();
  if (session.status !== "confirmed") return refuse(session.status === "polling" ? "session.error.rsvpBeforeConfirmed" : "session.error.cancelled");
  if (invitation.rsvp !== "yes") return refuse("session.error.volunteerNotComing");
  await db()
    .updateTable("session_invitee")
    .set({ volunteers_case: volunteers })
    .where("session_id", "=", session.id)
    .where("person_id", "=", user.id)
    .execute();
  return { ok: true };
}

export const sessionRoles = ["caseBringer", "timekeeper"] as const;
export type SessionRoleName = (typeof sessionRoles)[number];
const roleColumn = { caseBringer: "case_bringer_id", timekeeper: "timekeeper_id" } as const;

/** The facilitator gives a role the method names (case bringer, timekeeper) to one of those who come, or to nobody yet. */
export async function assignSessionRole(
  user: User,
  team: Team,
  id: string | undefined,
  role: SessionRoleName,
  personId: string | null,
): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  if (session.status === "cancelled") return refuse("session.error.cancelled");
  if (personId) {
    const coming = await db()
      .selectFrom("session_invitee")
      .where("session_id", "=", session.id)
      .where("person_id", "=", personId)
      .where("person_id", "<>", session.facilitatorId)
      .where("rsvp", "=", "yes")
      .select("person_id")
      .executeTakeFirst();
    if (!coming) return refuse("session.error.roleNotComing", role);
  }
  await db()
    .updateTable("intervision_session")
    .set({ [roleColumn[role]]: personId, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", session.id)
    .execute();
  return { ok: true };
}
