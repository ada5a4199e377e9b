import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import type { Language } from "../../../../db/schema";
import { notFound, type Team, type User } from "../../../auth/permissions.server";
import { translator } from "../../../i18n/dictionaries.server";
import { methodName, openSession, sessionColumns, sessionUrl, type SessionRow } from "../session-access.server";
import { sessionCalendarFile, type CalendarSession } from "./session-calendar.server";

// Sessions in calendars: one session's file for those invited, and each person's secret feed address.

export function calendarSession(session: SessionRow, team: Pick<Team, "slug">, origin: string, language: Language): CalendarSession {
  return {
    uid: session.icalUid,
    sequence: session.icalSequence,
    title: session.title,
    methodName: methodName(session.method, language),
    place: session.place,
    videoUrl: session.videoUrl,
    startsAt: session.startsAt!,
    endsAt: session.endsAt!,
    status: session.status === "cancelled" ? "cancelled" : "confirmed",
    url: sessionUrl(origin, team, session.id),
    updatedAt: session.updatedAt,
  };
}

/** One confirmed session as a calendar file, for those invited to it; 404 for anyone else. */
export async function sessionCalendarForReader(user: User, team: Team, id: string | undefined, origin: string): Promise<string> {
  const { session, role } = await openSession(user, team, id);
  if (role === "observer" || session.status !== "confirmed") throw notFound();
  return sessionCalendarFile([calendarSession(session, team, origin, user.language)], user.language);
}

const FEED_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** The person's calendar feed token, if they have made one. */
export async function calendarFeedToken(user: User): Promise<string | null> {
  const row = await db().selectFrom("calendar_feed").where("person_id", "=", user.id).select("token").executeTakeFirst();
  return row?.token ?? null;
}

/** A new secret feed address for the person; the previous one stops working at once. */
export async function renewCalendarFeed(user: User): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db()
    .insertInto("calendar_feed")
    .values({ person_id: user.id, token })
    .onConflict((conflict) => conflict.column("person_id").doUpdateSet({ token }))
    .execute();
  return token;
}

/**
 * A person's feed: every confirmed session they lead or are invited to and did not decline, and those
 * called off as cancelled events (so calendars take them out). Unknown tokens and inactive owners: 404.
 */
export async function calendarFeed(token: string | undefined, origin: string): Promise<string> {
  if (!token || !FEED_TOKEN.test(token)) throw notFound();
  const owner = await db()
    .selectFrom("calendar_feed")
    .innerJoin("person", "person.id", "calendar_feed.person_id")
    .where("calendar_feed.token", "=", token)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.language"])
    .executeTakeFirst();
  if (!owner) throw notFound();
  const sessions = await db()
    .selectFrom("intervision_session")
    .innerJoin("coalition", "coalition.id", "intervision_session.coalition_id")
    .where("intervision_session.status", "in", ["confirmed", "cancelled"])
    .where("intervision_session.starts_at", "is not", null)
    // Only coalitions the person still belongs to (as sessionRole has it).
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("membership")
          .whereRef("membership.coalition_id", "=", "intervision_session.coalition_id")
          .where("membership.person_id", "=", owner.id)
          .select(sql`1`.as("one")),
      ),
    )
    .where((eb) =>
      eb.or([
        eb("intervision_session.facilitator_id", "=", owner.id),
        eb.exists(
          eb
            .selectFrom("session_invitee")
            .whereRef("session_invitee.session_id", "=", "intervision_session.id")
            .where("session_invitee.person_id", "=", owner.id)
            .where("session_invitee.rsvp", "<>", "no")
            .select(sql`1`.as("one")),
        ),
      ]),
    )
    .select([...sessionColumns, "coalition.slug"])
    .orderBy("intervision_session.starts_at")
    .execute();
  const t = translator(owner.language);
  return sessionCalendarFile(
    sessions.map((session) => calendarSession(session, { slug: session.slug }, origin, owner.language)),
    owner.language,
    t("calendar.feed.name"),
  );
}
