import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { sendNotificationMail } from "../notifications/deliver.server";
import { deliveryFor } from "../notifications/preferences.server";
import { notify } from "../notifications/notify.server";
import { sessionMail, type Notice } from "./session-mail.server";
import type { SessionRow } from "./session-access.server";

// Telling a session's people what happened to it, through the notifications (which ask each person's place in
// the session and their preference): the poll's invitation, and its time confirmed, moved or called off.

async function inviteesOf(sessionId: string): Promise<string[]> {
  const rows = await db().selectFrom("session_invitee").where("session_id", "=", sessionId).select("person_id").execute();
  return rows.map((row) => row.person_id);
}

/** Asks everyone invited to a new session, but the facilitator who made it, to answer the poll. */
export async function askToAnswerPoll(user: User, session: { id: string }, origin: string): Promise<void> {
  await notify({ kind: "poll", recipientIds: await inviteesOf(session.id), actorId: user.id, item: { type: "session", id: session.id }, origin });
}

/**
 * Tells everyone in the session about its time, with the calendar file. The facilitator who made the change is
 * not notified of it, but gets the calendar file for their own calendar when they take session mails at once.
 */
export async function announceSession(notice: Notice, session: SessionRow, user: User, origin: string): Promise<void> {
  const people = [...(await inviteesOf(session.id)), session.facilitatorId];
  await notify({ kind: "session", recipientIds: people, actorId: user.id, item: { type: "session", id: session.id }, detail: notice, origin });
  if ((await deliveryFor([user.id], "session")).get(user.id) !== "email") return;
  const mail = await sessionMail(session.id, notice, user, origin);
  if (mail) await sendNotificationMail(user, "session", mail, origin);
}
