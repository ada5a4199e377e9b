import { db } from "../../../../db/db.server";
import type { SlotAnswer } from "../../../../db/schema";
import { hashToken, newToken } from "../../../auth/tokens.server";
import { notFound, usersByIds, type Team, type User } from "../../../auth/permissions.server";
import { translator } from "../../../i18n/dictionaries.server";
import { sendNotificationMail } from "../../notifications/deliver.server";
import { deliveryFor } from "../../notifications/preferences.server";
import { openOwnSession, refuse, type Outcome } from "../session-access.server";
import { recordVotes } from "./poll.server";

// The facilitator may remind those who have not answered the poll, once per poll. The mail holds a personal
// link, /answer/:token (only its hash is stored; it ends after two weeks or when the poll closes), that answers
// without signing in: opening it shows the times and one button and changes nothing (mail scanners follow
// links); only the button's POST records the answers, and only for that person, on that session's poll.

const TOKEN_DAYS = 14;

/** Sends the one reminder to who has not answered (those who take poll mails); refused when already sent. */
export async function remindPoll(user: User, team: Team, id: string | undefined, origin: string): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  const claimed = await db()
    .updateTable("intervision_session")
    .set({ poll_reminded_at: new Date() })
    .where("id", "=", session.id)
    .where("status", "=", "polling")
    .where("poll_reminded_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return refuse("poll.reminder.already");
  const silent = await db()
    .selectFrom("session_invitee")
    .where("session_id", "=", session.id)
    .where("person_id", "!=", session.facilitatorId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("slot_vote")
            .innerJoin("session_slot", "session_slot.id", "slot_vote.slot_id")
            .whereRef("slot_vote.person_id", "=", "session_invitee.person_id")
            .where("session_slot.session_id", "=", session.id)
            .select("slot_vote.person_id"),
        ),
      ),
    )
    .select("person_id")
    .execute();
  const ids = silent.map((row) => row.person_id);
  const [people, choices] = await Promise.all([usersByIds(ids), deliveryFor(ids, "poll")]);
  for (const person of people) {
    if (choices.get(person.id) !== "email") continue;
    const { token, hash } = newToken();
    await db()
      .insertInto("answer_token")
      .values({ id_hash: hash, person_id: person.id, session_id: session.id, expires_at: new Date(Date.now() + TOKEN_DAYS * 864e5) })
      .execute();
    const t = translator(person.language);
    await sendNotificationMail(
      person,
      "poll",
      {
        subject: t("poll.reminder.mail.subject", { title: session.title }),
        text: t("poll.reminder.mail.body", { name: person.name, title: session.title, link: `${origin}/answer/${token}` }),
      },
      origin,
    );
  }
  return { ok: true };
}

/** The poll behind a personal link, for the person it was made for; 404 when unknown, expired or closed. */
export async function answerPage(token: string | undefined) {
  if (!token || token.length > 100) throw notFound();
  const found = await db()
    .selectFrom("answer_token")
    .innerJoin("intervision_session", "intervision_session.id", "answer_token.session_id")
    .innerJoin("person", "person.id", "answer_token.person_id")
    .where("answer_token.id_hash", "=", hashToken(token))
    .where("answer_token.expires_at", ">", new Date())
    .where("person.deactivated_at", "is", null)
    // Still invited: who was taken off the session cannot answer with an old link.
    .where(({ exists, selectFrom }) =>
      exists(selectFrom("session_invitee").whereRef("session_invitee.session_id", "=", "answer_token.session_id").whereRef("session_invitee.person_id", "=", "answer_token.person_id").select("session_invitee.person_id")),
    )
    .select(["answer_token.person_id as personId", "intervision_session.id as sessionId", "intervision_session.title", "intervision_session.status", "person.name", "person.language"])
    .executeTakeFirst();
  if (!found) throw notFound();
  const slots = await db()
    .selectFrom("session_slot")
    .leftJoin("slot_vote", (join) => join.onRef("slot_vote.slot_id", "=", "session_slot.id").on("slot_vote.person_id", "=", found.personId))
    .where("session_slot.session_id", "=", found.sessionId)
    .select(["session_slot.id", "session_slot.starts_at as startsAt", "session_slot.ends_at as endsAt", "slot_vote.answer"])
    .orderBy("session_slot.starts_at")
    .execute();
  return { ...found, open: found.status === "polling", slots };
}

/** Records the answers given through a personal link: that person's, on that link's session only. */
export async function answerByToken(token: string | undefined, answers: Record<string, SlotAnswer>): Promise<Outcome> {
  const page = await answerPage(token);
  return recordVotes(page.sessionId, page.personId, answers);
}
