import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import { milestoneReadableBy, readableBy, sessionRole, type User } from "../../../auth/permissions.server";
import { currentItems, itemKey } from "../items.server";
import type { NotificationKind } from "../notification-kinds";
import { notificationSettings } from "../preferences.server";

// What a person's weekly digest holds, read at the moment of sending with the pages' own permission rules: an
// item made private, moved or deleted since it was written is simply not found. Sessions give their title, time
// and place only: nothing of intervision notes, ever.

const DAY = 24 * 3600_000;
const EXCERPT = 180;

export type DigestEntry = { title: string; path: string; author?: string; excerpt?: string; at?: Date; place?: string; status?: string };
export type CoalitionDigest = {
  /** Null: the programme's own events. */
  coalitionId: string | null;
  name: string;
  /** The coalition's address (its pages list what the digest leaves out); null for the programme's own. */
  slug: string | null;
  reflections: DigestEntry[];
  lessons: DigestEntry[];
  replies: DigestEntry[];
  sessions: DigestEntry[];
  events: DigestEntry[];
  milestones: DigestEntry[];
};
export type DigestNotification = { id: string; kind: NotificationKind; detail: string | null; actorName: string | null; title: string; path: string };
export type WeeklyDigest = { coalitions: CoalitionDigest[]; notifications: DigestNotification[] };

/** The first lines of a text, cut at a word. */
export function firstLines(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 80 ? cut.lastIndexOf(" ") : EXCERPT)}…`;
}

export function isEmpty(digest: WeeklyDigest): boolean {
  return digest.coalitions.length === 0 && linesOf(digest).length === 0;
}

/**
 * The notifications the digest shows as lines: an item shared that is already among the new reflections and
 * lessons is not told twice (one written earlier and shared this week is).
 */
export function linesOf(digest: WeeklyDigest): DigestNotification[] {
  const listed = new Set(digest.coalitions.flatMap((g) => [...g.reflections, ...g.lessons].map((entry) => entry.path)));
  return digest.notifications.filter((n) => n.kind !== "shared" || !listed.has(n.path));
}

/** Whether the person gets a digest at all: some kind of notification is set to "in the digest". */
export async function wantsDigest(user: Pick<User, "id">): Promise<boolean> {
  const { deliveries } = await notificationSettings(user);
  return Object.values(deliveries).includes("digest");
}

/** The week before `now` for this person, as they may read it now; coming sessions and events for the week ahead. */
export async function weeklyDigest(user: User, now = new Date()): Promise<WeeklyDigest> {
  const since = new Date(now.getTime() - 7 * DAY);
  const ahead = new Date(now.getTime() + 7 * DAY);
  const teams = user.memberships.map((m) => m.coalitionId);
  const none = [] as never[];

  const [reflections, lessons, replies, sessions, invitations, events, milestones, notifications] = await Promise.all([
    newWriting(user, "reflection", since),
    newWriting(user, "lesson", since),
    // Replies to what the person wrote, or in a conversation they took part in.
    db()
      .selectFrom("reflection_comment as reply")
      .innerJoin("reflection", "reflection.id", "reply.reflection_id")
      .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
      .innerJoin("person as author", "author.id", "reply.author_id")
      .where("reply.created_at", ">=", since)
      .where("reply.deleted_at", "is", null)
      .where("reply.author_id", "!=", user.id)
      .where("reflection.deleted_at", "is", null)
      .where(readableBy(user, "reflection"))
      .where((eb) =>
        eb.or([
          eb("reflection.author_id", "=", user.id),
          eb.exists(
            eb
              .selectFrom("reflection_comment as own")
              .whereRef("own.reflection_id", "=", "reflection.id")
              .where("own.author_id", "=", user.id)
              .where("own.deleted_at", "is", null)
              .select("own.id"),
          ),
        ]),
      )
      .select(["reflection.id", "reflection.title", "reply.body as text", "reflection.coalition_id", "coalition.name as coalition", "coalition.slug", "author.name as author"])
      .orderBy("reply.created_at", "desc")
      .execute(),
    teams.length
      ? db()
          .selectFrom("intervision_session as s")
          .innerJoin("coalition", "coalition.id", "s.coalition_id")
          .where("s.coalition_id", "in", teams)
          .where("s.status", "=", "confirmed")
          .where("s.starts_at", ">=", now)
          .where("s.starts_at", "<", ahead)
          .select(["s.id", "s.title", "s.place", "s.starts_at", "s.facilitator_id", "s.coalition_id", "coalition.name as coalition", "coalition.slug"])
          .orderBy("s.starts_at")
          .execute()
      : none,
    teams.length ? db().selectFrom("session_invitee").where("person_id", "=", user.id).select(["session_id", "rsvp"]).execute() : none,
    db()
      .selectFrom("event")
      .leftJoin("coalition", "coalition.id", "event.coalition_id")
      .where("event.starts_at", ">=", now)
      .where("event.starts_at", "<", ahead)
      .where((eb) => (teams.length ? eb.or([eb("event.coalition_id", "is", null), eb("event.coalition_id", "in", teams)]) : eb("event.coalition_id", "is", null)))
      .select(["event.id", "event.slug", "event.title", "event.place", "event.starts_at", "event.coalition_id", "coalition.name as coalition", "coalition.slug as coalition_slug"])
      .orderBy("event.starts_at")
      .execute(),
    db()
      .selectFrom("milestone_status_change as change")
      .innerJoin("milestone", "milestone.id", "change.milestone_id")
      .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
      .where("change.changed_at", ">=", since)
      .where("milestone.deleted_at", "is", null)
      .where(milestoneReadableBy(user, "milestone"))
      .select(["milestone.id", "milestone.title", "change.to_status", "milestone.coalition_id", "coalition.name as coalition", "coalition.slug"])
      .orderBy("change.changed_at", "desc")
      .execute(),
    digestNotifications(user),
  ]);

  const groups = new Map<string | null, CoalitionDigest>();
  const group = (coalitionId: string | null, name: string, slug: string | null) => {
    let found = groups.get(coalitionId);
    if (!found) {
      found = { coalitionId, name, slug, reflections: [], lessons: [], replies: [], sessions: [], events: [], milestones: [] };
      groups.set(coalitionId, found);
    }
    return found;
  };
  for (const [section, rows] of [["reflections", reflections], ["lessons", lessons]] as const) {
    for (const w of rows) {
      group(w.coalition_id, w.coalition, w.slug)[section].push({ title: w.title, author: w.author, excerpt: firstLines(w.text), path: `/teams/${w.slug}/${section}/${w.id}` });
    }
  }
  for (const r of replies) {
    group(r.coalition_id, r.coalition, r.slug).replies.push({ title: r.title, author: r.author, excerpt: firstLines(r.text), path: `/teams/${r.slug}/reflections/${r.id}` });
  }
  const rsvp = new Map(invitations.map((i) => [i.session_id, i]));
  for (const s of sessions) {
    const role = sessionRole(user, { coalitionId: s.coalition_id, facilitatorId: s.facilitator_id }, rsvp.get(s.id));
    if (role !== "participant" && role !== "invitee") continue;
    group(s.coalition_id, s.coalition, s.slug).sessions.push({ title: s.title, at: s.starts_at ?? undefined, place: s.place, path: `/teams/${s.slug}/sessions/${s.id}` });
  }
  for (const e of events) {
    group(e.coalition_id, e.coalition ?? "", e.coalition_slug).events.push({ title: e.title, at: e.starts_at, place: e.place, path: `/events/${e.slug}` });
  }
  for (const m of milestones) {
    group(m.coalition_id, m.coalition, m.slug).milestones.push({ title: m.title, status: m.to_status, path: `/teams/${m.slug}/milestones/${m.id}` });
  }
  // The person's own coalitions first, then the rest by name; the programme's events last.
  const rank = (g: CoalitionDigest) => (g.coalitionId === null ? 2 : teams.includes(g.coalitionId) ? 0 : 1);
  const coalitions = [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return { coalitions, notifications };
}

type Writing = { id: string; title: string; text: string; coalition_id: string; coalition: string; slug: string; author: string };

/** Reflections or lessons written by others since then, not in the trash, that the person may read now. */
async function newWriting(user: User, type: "reflection" | "lesson", since: Date): Promise<Writing[]> {
  const [title, text] = type === "reflection" ? ["item.title", "item.body_text"] : ["item.statement", "item.explanation_text"];
  const { rows } = await sql<Writing>`
    select item.id, ${sql.ref(title)} as title, ${sql.ref(text)} as text, item.coalition_id, coalition.name as coalition, coalition.slug, author.name as author
      from ${sql.table(type)} as item
      join coalition on coalition.id = item.coalition_id
      join person as author on author.id = item.author_id
     where item.created_at >= ${since} and item.deleted_at is null and item.author_id <> ${user.id} and ${readableBy(user, "item")}
     order by item.created_at desc`.execute(db());
  return rows;
}

/** Notifications the person chose to get in the digest and that were not in one yet, still readable for them. */
async function digestNotifications(user: User): Promise<DigestNotification[]> {
  const [rows, settings] = await Promise.all([
    db()
      .selectFrom("notification")
      .leftJoin("person as actor", "actor.id", "notification.actor_id")
      .where("notification.recipient_id", "=", user.id)
      .where("notification.delivery", "=", "digest")
      .where("notification.mailed_at", "is", null)
      .select(["notification.id", "notification.kind", "notification.detail", "notification.item_type", "notification.item_id", "actor.name as actorName"])
      .orderBy("notification.created_at", "desc")
      .execute(),
    notificationSettings(user),
  ]);
  if (rows.length === 0) return [];
  const items = await currentItems(rows.map((row) => ({ type: row.item_type, id: row.item_id })), [user.id]);
  return rows.flatMap((row) => {
    const facts = items.get(itemKey({ type: row.item_type, id: row.item_id }));
    if (!facts || !facts.visibleTo(user, row.kind) || settings.deliveries[row.kind] === "off") return [];
    return [{ id: row.id, kind: row.kind, detail: row.detail, actorName: row.actorName, title: facts.title, path: facts.path }];
  });
}
