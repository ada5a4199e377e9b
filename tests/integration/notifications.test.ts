import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { getUser, usersByIds, type Team, type User } from "../../app/auth/permissions.server";
import { deliverNotification } from "../../app/domain/notifications/deliver.server";
import { listNotifications, markAllRead, markRead, purgeOldNotifications } from "../../app/domain/notifications/notifications.server";
import { notify } from "../../app/domain/notifications/notify.server";
import { notificationRows } from "../../app/domain/notifications/personal-data.server";
import { notificationSettings } from "../../app/domain/notifications/preferences.server";
import { registerForEvent } from "../../app/domain/events/registrations/visitor-registration.server";
import { addAction, openSessionAsParticipant } from "../../app/domain/sessions/notes/session-notes.server";
import * as notificationsRoute from "../../app/routes/notifications";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as settingsRoute from "../../app/routes/settings_.notifications";
import * as unsubscribeRoute from "../../app/routes/unsubscribe.$token";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, linkIn, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { countQueries } from "../fixtures/queries";
import { writeReflection } from "../fixtures/reflections";
import { insertNote, insertSession } from "../fixtures/session-rows";
import { readCalendar, scheduleSession, sessionAction, slotsOf, type StoredAttachment } from "../fixtures/sessions";

// Notifications are decided by the pages' own permission rules, when made and again when shown or mailed.
// Each rule is tried with the wrong account first.

type Person = { id: string; email: string; name: string };
let team: Awaited<ReturnType<typeof createCoalition>>;
let teamOf: Team;
let author: Person;
let commenter: Person;
let teammate: Person;
let outsider: Person;
let facilitator: Person;

const asUser = async (person: { id: string }): Promise<User> => (await usersByIds([person.id]))[0];
const rowsFor = (person: { id: string }) =>
  db().selectFrom("notification").where("recipient_id", "=", person.id).selectAll().orderBy("created_at", "desc").execute();
const mailsTo = (person: { email: string }) =>
  db().selectFrom("email_outbox").where("to_address", "=", person.email).selectAll().orderBy("id", "desc").execute();

async function comment(person: Person, reflectionId: string, text: string) {
  const response = await callRoute(reflectionRoute.action, {
    request: browserRequest(`/teams/${team.slug}/reflections/${reflectionId}`, { cookie: await sessionFor(person), form: { comment: text } }),
    params: { team: team.slug, id: reflectionId },
  });
  expect(response.status).toBe(302);
}

beforeAll(async () => {
  team = await createCoalition();
  teamOf = { id: team.id, slug: team.slug, name: team.name, place: "Ergens", description: "" };
  const other = await createCoalition();
  author = await createPerson({ team, name: "Auke Auteur" });
  commenter = await createPerson({ team, name: "Cor Reageerder" });
  teammate = await createPerson({ team, name: "Tess Teamgenoot" });
  facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  outsider = await createPerson({ team: other, name: "Otto Buitenstaander" });
});

describe("a reply", () => {
  it("tells the reflection's author and earlier commenters, never the one who wrote it, and mails at once by default", async () => {
    const id = await writeReflection(author.id, team.id, { title: "Buurtkamer open", text: "Tekst", visibility: "team" });
    await comment(commenter, id, "Mooi!");
    expect(await rowsFor(commenter)).toEqual([]);
    const [toAuthor] = await rowsFor(author);
    expect(toAuthor).toMatchObject({ kind: "reply", item_type: "reflection", item_id: id, actor_id: commenter.id, delivery: "email" });
    const [mail] = await mailsTo(author);
    expect(mail.subject).toBe("Cor Reageerder reageerde op ‘Buurtkamer open’");
    expect(mail.body_text).not.toContain("Mooi!");
    expect(linkIn(mail.body_text, "/teams/")).toBe(`/teams/${team.slug}/reflections/${id}`);
    // One-click unsubscribe (RFC 8058), and the link in the text, and the settings.
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.body_text).toContain(mail.headers["List-Unsubscribe"].slice(1, -1));
    expect(mail.body_text).toContain("/settings/notifications");

    // The author answers: the earlier commenter hears of it, the author does not.
    await comment(author, id, "Dank je");
    expect((await rowsFor(commenter)).map((n) => n.actor_id)).toEqual([author.id]);
    expect(await rowsFor(author)).toHaveLength(1);
  });

  it("never tells someone who cannot read the item, nor about a private item", async () => {
    const teamItem = await writeReflection(author.id, team.id, { title: "Alleen voor het team", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [outsider.id], actorId: commenter.id, item: { type: "reflection", id: teamItem } });
    expect(await rowsFor(outsider)).toEqual([]);
    const privateItem = await writeReflection(author.id, team.id, { title: "Mijn dagboek", text: "x", visibility: "private" });
    await notify({ kind: "reply", recipientIds: [teammate.id, author.id], actorId: null, item: { type: "reflection", id: privateItem } });
    expect(await rowsFor(teammate)).toEqual([]);
    expect((await rowsFor(author)).some((n) => n.item_id === privateItem)).toBe(true);
  });

  it("disappears and is not mailed once the item is made private, even if it was already made", async () => {
    const id = await writeReflection(teammate.id, team.id, { title: "Later privé", text: "x", visibility: "team" });
    const [row] = await db()
      .insertInto("notification")
      .values({ recipient_id: commenter.id, kind: "reply", item_type: "reflection", item_id: id, actor_id: teammate.id, delivery: "email" })
      .returning("id")
      .execute();
    await db().updateTable("reflection").set({ visibility: "private" }).where("id", "=", id).execute();
    const before = (await mailsTo(commenter)).length;
    await deliverNotification(row.id);
    expect(await mailsTo(commenter)).toHaveLength(before);
    const shown = await listNotifications(await asUser(commenter));
    expect(shown.map((n) => n.path).join()).not.toContain(id);
    // Gone for good, so the bell no longer counts it.
    expect((await rowsFor(commenter)).some((n) => n.item_id === id)).toBe(false);
  });

  it("stops being counted by the bell as soon as its author makes the item private", async () => {
    const { updateReflection } = await import("../../app/domain/reflections/reflections.server");
    const { richTextFromPlainText } = await import("../../app/richtext/from-plain-text");
    const id = await writeReflection(teammate.id, team.id, { title: "Toch privé", text: "x", visibility: "team" });
    await comment(commenter, id, "Eerste reactie");
    await comment(teammate, id, "Dank");
    const cookie = await sessionFor(commenter);
    const before = (await getUser(browserRequest("/", { cookie })))!.unreadNotifications!;
    const input = { title: "Toch privé", body: richTextFromPlainText("x"), happenedOn: "2026-11-02", themeIds: [], visibility: "private" as const };
    expect(await updateReflection(await asUser(teammate), teamOf, id, 1, input)).toEqual({ ok: true });
    expect((await getUser(browserRequest("/", { cookie: await sessionFor(commenter) })))!.unreadNotifications).toBe(before - 1);
  });

  it("is mailed once however often its delivery runs (as a retried job would)", async () => {
    const id = await writeReflection(teammate.id, team.id, { title: "Eenmaal", text: "x", visibility: "team" });
    const [row] = await db()
      .insertInto("notification")
      .values({ recipient_id: author.id, kind: "reply", item_type: "reflection", item_id: id, actor_id: teammate.id, delivery: "email" })
      .returning("id")
      .execute();
    const before = (await mailsTo(author)).length;
    await Promise.all([deliverNotification(row.id), deliverNotification(row.id), deliverNotification(row.id)]);
    await deliverNotification(row.id);
    expect(await mailsTo(author)).toHaveLength(before + 1);
  });

  it("is not mailed once the item is in the trash", async () => {
    const id = await writeReflection(author.id, team.id, { title: "Weggegooid", text: "x", visibility: "team" });
    const [row] = await db()
      .insertInto("notification")
      .values({ recipient_id: teammate.id, kind: "reply", item_type: "reflection", item_id: id, actor_id: author.id, delivery: "email" })
      .returning("id")
      .execute();
    await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", id).execute();
    const before = (await mailsTo(teammate)).length;
    await deliverNotification(row.id);
    expect(await mailsTo(teammate)).toHaveLength(before);
  });
});

describe("the list and the bell", () => {
  it("marks only one's own notifications read; another person's is not found", async () => {
    const id = await writeReflection(author.id, team.id, { title: "Lezen", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [teammate.id], actorId: author.id, item: { type: "reflection", id } });
    const [mine] = await rowsFor(teammate);
    // The wrong account first: by the domain function and through the page.
    await expect(markRead(await asUser(outsider), mine.id)).rejects.toMatchObject({ status: 404 });
    const response = await callRoute(notificationsRoute.action, {
      request: browserRequest("/notifications", { cookie: await sessionFor(outsider), form: { id: mine.id } }),
    });
    expect(response.status).toBe(404);
    expect((await rowsFor(teammate))[0].read_at).toBeNull();
    await markAllRead(await asUser(outsider));
    expect((await rowsFor(teammate))[0].read_at).toBeNull();

    const ok = await callRoute(notificationsRoute.action, {
      request: browserRequest("/notifications", { cookie: await sessionFor(teammate), form: { id: mine.id } }),
    });
    expect(ok.status).toBe(302);
    expect((await rowsFor(teammate))[0].read_at).not.toBeNull();
  });

  it("counts unread notifications in the one statement that loads the person", async () => {
    const cookie = await sessionFor(author);
    const request = browserRequest("/", { cookie });
    let user: User | null = null;
    expect(await countQueries(async () => (user = await getUser(request)))).toBe(1);
    const unread = await db().selectFrom("notification").where("recipient_id", "=", author.id).where("read_at", "is", null).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(user!.unreadNotifications).toBe(Number(unread.n));
    expect(user!.unreadNotifications).toBeGreaterThan(0);
    await callRoute(notificationsRoute.action, { request: browserRequest("/notifications", { cookie, form: { intent: "read-all" } }) });
    expect((await getUser(browserRequest("/notifications", { cookie })))!.unreadNotifications).toBe(0);
  });

  it("keeps notifications 90 days", async () => {
    const id = await writeReflection(author.id, team.id, { title: "Oud", text: "x", visibility: "team" });
    await db()
      .insertInto("notification")
      .values([
        { recipient_id: teammate.id, kind: "reply", item_type: "reflection", item_id: id, actor_id: author.id, delivery: "app", created_at: new Date(Date.now() - 91 * 864e5) },
        { recipient_id: teammate.id, kind: "reply", item_type: "reflection", item_id: id, actor_id: author.id, delivery: "app", created_at: new Date(Date.now() - 89 * 864e5) },
      ])
      .execute();
    expect(await purgeOldNotifications()).toBeGreaterThanOrEqual(1);
    expect((await rowsFor(teammate)).filter((n) => n.item_id === id)).toHaveLength(1);
  });
});

describe("intervision", () => {
  it("tells an action's owner that they have one, never what it is, and never a non-participant", async () => {
    const sessionId = await insertSession({
      coalitionId: team.id,
      facilitatorId: facilitator.id,
      title: "Intervisie maart",
      invitees: [{ personId: commenter.id, rsvp: "yes" }, { personId: teammate.id, rsvp: "no" }],
    });
    await insertNote(sessionId, 0, "GEHEIME-AANTEKENING over de casus", facilitator.id);
    await db().insertInto("notification_preference").values({ person_id: commenter.id, kind: "action", delivery: "email" }).execute();
    // Someone who said no is no participant: an action may not be given to them, nor notified.
    await notify({ kind: "action", recipientIds: [teammate.id, outsider.id], actorId: facilitator.id, item: { type: "session", id: sessionId } });
    expect((await rowsFor(teammate)).some((n) => n.item_id === sessionId)).toBe(false);
    expect((await rowsFor(outsider)).some((n) => n.item_id === sessionId)).toBe(false);

    const fac = await asUser(facilitator);
    const session = await openSessionAsParticipant(fac, teamOf, sessionId);
    expect(await addAction(fac, session, { owner: commenter.id, what: "GEHEIME-ACTIE bel de wethouder" })).toEqual({ ok: true });
    const [mail] = await mailsTo(commenter);
    expect(mail.subject).toBe("Fenna Begeleider gaf u een vervolgactie in de intervisie ‘Intervisie maart’");
    const shown = await listNotifications(await asUser(commenter));
    for (const text of [mail.subject, mail.body_text, JSON.stringify(shown)]) {
      expect(text).not.toContain("GEHEIME");
    }
  });

  it("tells invitees of the poll and of the time, with the calendar file, as each one's preference says", async () => {
    const cookie = await sessionFor(facilitator);
    await db().insertInto("notification_preference").values({ person_id: teammate.id, kind: "session", delivery: "off" }).execute();
    const id = await scheduleSession(teamOf, cookie, {
      title: "Voorjaarsoverleg",
      invitees: [author.id, teammate.id],
      slots: [
        { date: "2027-04-06", start: "19:00", end: "21:00" },
        { date: "2027-04-08", start: "19:00", end: "21:00" },
      ],
    });
    expect((await rowsFor(author)).find((n) => n.item_id === id)).toMatchObject({ kind: "poll", delivery: "email" });
    expect((await rowsFor(outsider)).some((n) => n.item_id === id)).toBe(false);
    const [slot] = await slotsOf(id);
    expect((await sessionAction(teamOf, id, cookie, [["intent", "confirm"], ["slotId", slot.id]])).status).toBe(302);
    const [confirmed] = await mailsTo(author);
    expect(confirmed.subject).toBe("Intervisie vastgelegd: Voorjaarsoverleg");
    const [ics] = confirmed.attachments as StoredAttachment[];
    expect(readCalendar(ics.content).method).toBe("REQUEST");
    // Switched off: no notification and no mail about the time.
    expect((await rowsFor(teammate)).some((n) => n.item_id === id && n.kind === "session")).toBe(false);
    expect((await mailsTo(teammate)).some((m) => m.subject.includes("vastgelegd"))).toBe(false);

    expect((await sessionAction(teamOf, id, cookie, [["intent", "cancel"]])).status).toBe(302);
    const [cancelled] = await mailsTo(author);
    expect(cancelled.subject).toBe("Intervisie geannuleerd: Voorjaarsoverleg");
    expect(readCalendar((cancelled.attachments as StoredAttachment[])[0].content).method).toBe("CANCEL");
    // The facilitator did it: no notification, but the calendar file for their own calendar.
    expect((await rowsFor(facilitator)).some((n) => n.item_id === id)).toBe(false);
    const [own] = await mailsTo(facilitator);
    expect(own.subject).toBe("Intervisie geannuleerd: Voorjaarsoverleg");
    for (const mail of [own, confirmed, cancelled]) expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });
});

describe("preferences and unsubscribing", () => {
  it("a kind switched to 'in the app' is listed but not mailed; 'off' is not even listed", async () => {
    const person = await createPerson({ team });
    const cookie = await sessionFor(person);
    const form = { reply: "app", mention: "off", poll: "email", session: "email", action: "digest", shared: "digest", registration: "digest", join_request: "email", signature: "digest", visit_request: "email", harvest: "email", quote: "email", digestDay: "5" };
    expect((await callRoute(settingsRoute.action, { request: browserRequest("/settings/notifications", { cookie, form }) })).status).toBe(302);
    const id = await writeReflection(person.id, team.id, { title: "Stil", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [person.id], actorId: author.id, item: { type: "reflection", id } });
    await notify({ kind: "mention", recipientIds: [person.id], actorId: author.id, item: { type: "reflection", id } });
    expect((await rowsFor(person)).map((n) => [n.kind, n.delivery])).toEqual([["reply", "app"]]);
    expect(await mailsTo(person)).toEqual([]);
    expect(await notificationSettings(person)).toMatchObject({ digestDay: 5, deliveries: { reply: "app", mention: "off" } });
    const audit = await db().selectFrom("audit_event").where("actor_id", "=", person.id).where("kind", "=", "notification_preferences_changed").selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toEqual({ kinds: { reply: "app", mention: "off" }, digestDay: 5 });
  });

  it("refuses a choice a kind does not have, next to the field, and saves nothing", async () => {
    const person = await createPerson({ team });
    const cookie = await sessionFor(person);
    const form = { reply: "email", mention: "email", poll: "email", session: "email", action: "digest", shared: "email", registration: "digest", join_request: "email", signature: "digest", visit_request: "email", harvest: "email", quote: "email", digestDay: "9" };
    const response = await callRoute(settingsRoute.action, { request: browserRequest("/settings/notifications", { cookie, form }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(Object.keys(body.result.error).sort()).toEqual(["digestDay", "shared"]);
    expect(await db().selectFrom("notification_preference").where("person_id", "=", person.id).selectAll().execute()).toEqual([]);
  });

  it("an unsubscribe link shows a button on GET and changes nothing; its POST turns off only its owner's kind", async () => {
    const owner = await createPerson({ team, name: "Olga Eigenaar" });
    const other = await createPerson({ team });
    const id = await writeReflection(owner.id, team.id, { title: "Afmelden", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [owner.id, other.id], actorId: author.id, item: { type: "reflection", id } });
    const [mail] = await mailsTo(owner);
    const path = linkIn(mail.body_text, "/unsubscribe/");
    const token = path.split("/").pop()!;

    const page = await callRoute(unsubscribeRoute.loader, { request: new Request(BASE + path), params: { token } });
    expect(page.status).toBe(200);
    expect(await notificationSettings(owner)).toMatchObject({ deliveries: { reply: "email" } });
    // The wrong token changes nothing for anyone.
    const wrong = await callRoute(unsubscribeRoute.action, { request: new Request(`${BASE}/unsubscribe/nope`, { method: "POST" }), params: { token: "nope" } });
    expect(wrong.status).toBe(404);

    // A mail provider's one-click POST: no session, no Origin.
    const oneClick = await callRoute(unsubscribeRoute.action, {
      request: new Request(BASE + path, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
      params: { token },
    });
    expect(oneClick.status).toBe(200);
    expect((await notificationSettings(owner)).deliveries).toMatchObject({ reply: "app", session: "email", poll: "email" });
    expect((await notificationSettings(other)).deliveries.reply).toBe("email");
    const audit = await db().selectFrom("audit_event").where("actor_id", "=", owner.id).where("kind", "=", "unsubscribed").selectAll().execute();
    expect(audit.map((a) => a.detail)).toEqual([{ kind: "reply" }]);
  });
});

describe("shared items and registrations", () => {
  it("an item shared with the network reaches the programme but not an admin, in the digest, never by mail", async () => {
    const admin = await createPerson({ accountRole: "admin" });
    const funder = await createPerson({ accountRole: "funder" });
    const user = await asUser(author);
    const { createReflection } = await import("../../app/domain/reflections/reflections.server");
    const { richTextFromPlainText } = await import("../../app/richtext/from-plain-text");
    const created = await createReflection(user, teamOf, { title: "Voor iedereen", body: richTextFromPlainText("x"), happenedOn: "2026-11-02", themeIds: [], visibility: "network" });
    if (created.status !== "saved") throw new Error("not saved");
    const id = created.id;
    for (const person of [outsider, funder, teammate]) {
      expect((await rowsFor(person)).find((n) => n.item_id === id)).toMatchObject({ kind: "shared", delivery: "digest", detail: "network" });
    }
    expect((await rowsFor(admin)).some((n) => n.item_id === id)).toBe(false);
    expect((await rowsFor(author)).some((n) => n.item_id === id)).toBe(false);
    expect((await mailsTo(outsider)).some((m) => m.subject.includes("Voor iedereen"))).toBe(false);
  });
});

describe("shared lessons", () => {
  it("a lesson shared with the team reaches the coalition only, and again when it is shared with the network", async () => {
    const { createLesson, updateLesson } = await import("../../app/domain/lessons/lessons.server");
    const user = await asUser(author);
    const input = { statement: "Samen koken verbindt", explanation: undefined, themeIds: [], sourceIds: [], visibility: "team" as const };
    const created = await createLesson(user, teamOf, input);
    if (created.status !== "saved") throw new Error("not saved");
    expect((await rowsFor(teammate)).find((n) => n.item_id === created.id)).toMatchObject({ kind: "shared", detail: "team" });
    expect((await rowsFor(outsider)).some((n) => n.item_id === created.id)).toBe(false);
    const [line] = (await listNotifications(await asUser(teammate))).filter((n) => n.path.includes(created.id));
    expect(line).toMatchObject({ line: "Auke Auteur deelde ‘Samen koken verbindt’ met de coalitie", path: `/teams/${team.slug}/lessons/${created.id}` });

    expect(await updateLesson(user, teamOf, created.id, 1, { ...input, visibility: "network" })).toEqual({ status: "saved" });
    expect((await rowsFor(outsider)).find((n) => n.item_id === created.id)).toMatchObject({ kind: "shared", detail: "network" });
    // Back to the team: the outsider's notification goes at once (the bell stops counting it); the teammate's stays.
    expect(await updateLesson(user, teamOf, created.id, 2, input)).toEqual({ status: "saved" });
    expect((await rowsFor(outsider)).some((n) => n.item_id === created.id)).toBe(false);
    expect((await rowsFor(teammate)).some((n) => n.item_id === created.id)).toBe(true);
  });
});

describe("registrations", () => {
  it("tell the event's organisers, in the digest, and nobody else", async () => {
    const funder = await createPerson({ accountRole: "funder" });
    const event = await insertEvent({ coalitionId: team.id, createdBy: facilitator.id, title: "Wijkavond" });
    const outcome = await registerForEvent(null, event.slug, { name: "Bezoeker", email: `${unique("bezoeker")}@voorbeeld.nl`, yes: [] }, { address: "10.9.0.1", origin: BASE });
    expect(outcome).toMatchObject({ ok: true });
    expect((await rowsFor(facilitator)).find((n) => n.item_id === event.id)).toMatchObject({ kind: "registration", delivery: "digest" });
    for (const person of [author, funder, outsider]) expect((await rowsFor(person)).some((n) => n.item_id === event.id)).toBe(false);
    const [line] = (await listNotifications(await asUser(facilitator))).filter((n) => n.path.includes(event.id));
    expect(line).toMatchObject({ line: "Nieuwe aanmelding voor de bijeenkomst ‘Wijkavond’", path: `/teams/${team.slug}/events/${event.id}/registrations` });
  });
});

describe("leaving and erasure", () => {
  it("leaving a coalition removes the notifications about its items, and names the stand-in for what the leaver caused", async () => {
    const other = await createCoalition();
    const person = await createPerson({ team });
    await db().insertInto("membership").values({ coalition_id: other.id, person_id: person.id, role: "member", perspective: "resident", organisation_id: null }).execute();
    const here = await writeReflection(author.id, team.id, { title: "Hier", text: "x", visibility: "team" });
    const there = await writeReflection(person.id, other.id, { title: "Daar", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [person.id], actorId: author.id, item: { type: "reflection", id: here } });
    await notify({ kind: "reply", recipientIds: [person.id], actorId: null, item: { type: "reflection", id: there } });
    await notify({ kind: "reply", recipientIds: [author.id], actorId: person.id, item: { type: "reflection", id: here } });
    const standIn = await createPerson();
    await db().transaction().execute((trx) => notificationRows.handOver!(trx, { from: person.id, to: standIn.id, coalitionId: team.id, keepPrivate: false }));
    expect((await rowsFor(person)).map((n) => n.item_id)).toEqual([there]);
    expect((await rowsFor(author)).find((n) => n.item_id === here)?.actor_id).toBe(standIn.id);
  });


  it("erasing a person removes their notifications, choices and links, and their name from what others were told", async () => {
    const person = await createPerson({ team });
    const id = await writeReflection(person.id, team.id, { title: "Weg", text: "x", visibility: "team" });
    await notify({ kind: "reply", recipientIds: [person.id], actorId: author.id, item: { type: "reflection", id } });
    await notify({ kind: "reply", recipientIds: [teammate.id], actorId: person.id, item: { type: "reflection", id } });
    await db().insertInto("notification_preference").values({ person_id: person.id, kind: "poll", delivery: "off" }).execute();
    await db().transaction().execute((trx) => notificationRows.erase!(trx, { id: person.id, email: person.email }));
    expect(await rowsFor(person)).toEqual([]);
    expect(await db().selectFrom("unsubscribe_token").where("person_id", "=", person.id).selectAll().execute()).toEqual([]);
    expect(await db().selectFrom("notification_preference").where("person_id", "=", person.id).selectAll().execute()).toEqual([]);
    expect(await db().selectFrom("notification").where("actor_id", "=", person.id).selectAll().execute()).toEqual([]);
  });
});
