import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { usersByIds } from "../../app/auth/permissions.server";
import { digestClock, sendWeeklyDigests } from "../../app/domain/notifications/digest/digest-jobs.server";
import { defaultDelivery, notificationKinds } from "../../app/domain/notifications/notification-kinds";
import { digestMail } from "../../app/domain/notifications/digest/digest-mail.server";
import { weeklyDigest } from "../../app/domain/notifications/digest/weekly-digest.server";
import * as unsubscribeRoute from "../../app/routes/unsubscribe.$token";
import { amsterdamTimeToUtc, todayInAmsterdam } from "../../app/i18n/dates";
import { BASE, callRoute, createCoalition, createPerson } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { insertNote, insertSession } from "../fixtures/session-rows";

// The weekly digest (weekoverzicht): one mail per person and week, on their day from 08:00 in Amsterdam, holding
// only what they may read at the moment it is sent. Each rule is tried with the wrong account first.

type Person = { id: string; email: string; name: string };
let team: Awaited<ReturnType<typeof createCoalition>>;
let other: Awaited<ReturnType<typeof createCoalition>>;
let author: Person;
let reader: Person;
let outsider: Person;
let funder: Person;
let facilitator: Person;
let quiet: Person;
// Tomorrow 08:30 in Amsterdam: everything written now falls in the week before it.
const tomorrow = todayInAmsterdam(new Date(Date.now() + 864e5));
const at = amsterdamTimeToUtc(tomorrow, "08:30")!;
const weekday = digestClock(at).weekday;

const mailsTo = (person: { email: string }) =>
  db().selectFrom("email_outbox").where("to_address", "=", person.email).selectAll().orderBy("created_at").execute();
const digestFor = async (person: { id: string }, now = at) => weeklyDigest((await usersByIds([person.id]))[0], now);
const titlesIn = (digest: Awaited<ReturnType<typeof weeklyDigest>>) =>
  digest.coalitions.flatMap((g) => [...g.reflections, ...g.lessons, ...g.replies, ...g.sessions, ...g.events, ...g.milestones].map((e) => e.title));

async function onDigestDay(...people: Person[]) {
  await db().insertInto("digest_day").values(people.map((p) => ({ person_id: p.id, weekday }))).execute();
}

beforeAll(async () => {
  team = await createCoalition({ name: "Coalitie Voorst" });
  other = await createCoalition({ name: "Coalitie Horst" });
  author = await createPerson({ team, name: "Auke Auteur" });
  reader = await createPerson({ team, name: "Rita Lezer" });
  facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  outsider = await createPerson({ team: other, name: "Otto Buitenstaander" });
  funder = await createPerson({ accountRole: "funder", name: "Pim Programma" });
  quiet = await createPerson({ name: "Stille Sanne" });
  await onDigestDay(author, reader, facilitator, outsider, funder, quiet);

  await writeReflection(author.id, team.id, { title: "Buurtkamer open", text: "De eerste avond kwamen er twaalf bewoners. ".repeat(10), visibility: "team" });
  await writeReflection(author.id, team.id, { title: "Mijn dagboek", text: "Alleen voor mij", visibility: "private" });
  await writeReflection(author.id, team.id, { title: "Gedeeld met iedereen <b>vet</b>", text: "Voor het netwerk & de rest", visibility: "network" });
  await writeLesson(author.id, team.id, { statement: "Begin klein", text: "Eerst één straat", visibility: "team" });
  await writeReflection(outsider.id, other.id, { title: "Horster overleg", text: "Alleen voor Horst", visibility: "team" });
  const milestone = await writeMilestone(facilitator.id, team.id, { title: "Buurtplan klaar", visibility: "team" });
  void milestone;
  const session = await insertSession({
    coalitionId: team.id,
    facilitatorId: facilitator.id,
    title: "Intervisie over de buurtkamer",
    startsAt: new Date(at.getTime() + 2 * 864e5),
    invitees: [{ personId: reader.id, rsvp: "yes" }],
  });
  await insertNote(session, 1, "Vertrouwelijk: de casus van Rita", facilitator.id);
  await insertEvent({ coalitionId: team.id, createdBy: facilitator.id, title: "Voorster buurtavond", startsAt: new Date(at.getTime() + 3 * 864e5) });
});

describe("what the digest holds", () => {
  it("never shows another coalition's team items, another's private writing or intervision notes", async () => {
    const forOutsider = await digestFor(outsider);
    expect(titlesIn(forOutsider)).not.toContain("Buurtkamer open");
    expect(titlesIn(forOutsider)).not.toContain("Mijn dagboek");
    expect(titlesIn(forOutsider)).not.toContain("Begin klein");
    expect(titlesIn(forOutsider)).not.toContain("Intervisie over de buurtkamer");
    expect(titlesIn(forOutsider)).not.toContain("Buurtplan klaar");

    const forReader = await digestFor(reader);
    expect(titlesIn(forReader)).not.toContain("Mijn dagboek");
    expect(titlesIn(forReader)).not.toContain("Horster overleg");
    expect(JSON.stringify(forReader)).not.toContain("Vertrouwelijk");
    const voorst = forReader.coalitions.find((g) => g.coalitionId === team.id)!;
    expect(voorst.reflections[0]).toMatchObject({ title: "Gedeeld met iedereen <b>vet</b>", author: "Auke Auteur" });
    expect(voorst.reflections[1].excerpt!.length).toBeLessThanOrEqual(181);
    expect(voorst.reflections[1].excerpt).toMatch(/^De eerste avond kwamen er twaalf bewoners\. .*…$/);
    expect(voorst.lessons.map((l) => l.title)).toEqual(["Begin klein"]);
    expect(voorst.sessions.map((s) => s.title)).toEqual(["Intervisie over de buurtkamer"]);
    expect(voorst.events.map((e) => e.title)).toEqual(["Voorster buurtavond"]);
    expect(voorst.milestones.map((m) => [m.title, m.status])).toEqual([["Buurtplan klaar", "planned"]]);
    // The author is not told of their own writing.
    expect(titlesIn(await digestFor(author))).not.toContain("Buurtkamer open");
  });

  it("shows the funder what each coalition shared with the network, nothing of the team's own", async () => {
    const forFunder = await digestFor(funder);
    expect(titlesIn(forFunder)).toContain("Gedeeld met iedereen <b>vet</b>");
    expect(titlesIn(forFunder)).not.toContain("Buurtkamer open");
    expect(titlesIn(forFunder)).not.toContain("Horster overleg");
    expect(titlesIn(forFunder)).not.toContain("Intervisie over de buurtkamer");
  });

  it("tells of an older item shared this week, once", async () => {
    const { linesOf } = await import("../../app/domain/notifications/digest/weekly-digest.server");
    const older = await writeReflection(author.id, team.id, { title: "Van vorige maand", text: "x", visibility: "network" });
    await sql`update reflection set created_at = now() - interval '30 days' where id = ${older}`.execute(db());
    const fresh = await db().selectFrom("reflection").where("title", "=", "Gedeeld met iedereen <b>vet</b>").select("id").executeTakeFirstOrThrow();
    await db()
      .insertInto("notification")
      .values([older, fresh.id].map((id) => ({ recipient_id: funder.id, kind: "shared" as const, item_type: "reflection" as const, item_id: id, actor_id: author.id, detail: "network", delivery: "digest" as const })))
      .execute();
    const digest = await digestFor(funder);
    expect(linesOf(digest).map((n) => n.title)).toEqual(["Van vorige maand"]);
    expect(titlesIn(digest).filter((title) => title === "Gedeeld met iedereen <b>vet</b>")).toHaveLength(1);
  });

  it("leaves out an item made private after it was written, and a deleted one", async () => {
    const later = await writeReflection(author.id, team.id, { title: "Later privé", text: "x", visibility: "team" });
    const gone = await writeReflection(author.id, team.id, { title: "Weggegooid", text: "x", visibility: "team" });
    expect(titlesIn(await digestFor(reader))).toContain("Later privé");
    await db().updateTable("reflection").set({ visibility: "private" }).where("id", "=", later).execute();
    await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", gone).execute();
    expect(titlesIn(await digestFor(reader))).not.toContain("Later privé");
    expect(titlesIn(await digestFor(reader))).not.toContain("Weggegooid");
  });

  it("shows replies to the person's writing, from others", async () => {
    const id = await writeReflection(reader.id, team.id, { title: "Vraag aan het team", text: "Wie helpt?", visibility: "team" });
    await db().insertInto("reflection_comment").values({ reflection_id: id, author_id: author.id, body: "Ik help graag" }).execute();
    const voorst = (await digestFor(reader)).coalitions.find((g) => g.coalitionId === team.id)!;
    expect(voorst.replies).toMatchObject([{ title: "Vraag aan het team", author: "Auke Auteur", excerpt: "Ik help graag" }]);
    expect((await digestFor(outsider)).coalitions.flatMap((g) => g.replies)).toEqual([]);
  });
});

describe("sending", () => {
  it("sends nothing before 08:00 on the person's day, nor on another day", async () => {
    expect(await sendWeeklyDigests(amsterdamTimeToUtc(tomorrow, "07:59")!)).toBe(0);
    const dayAfter = todayInAmsterdam(new Date(at.getTime() + 864e5));
    expect(await sendWeeklyDigests(amsterdamTimeToUtc(dayAfter, "09:00")!)).toBe(0);
    expect(await mailsTo(reader)).toEqual([]);
  });

  it("mails once per person and week however often and however many run it; nothing when there is nothing", async () => {
    // A digest notification (a registration for the facilitator's event) goes in, and is then delivered.
    const event = await db().selectFrom("event").where("title", "=", "Voorster buurtavond").select("id").executeTakeFirstOrThrow();
    const [notification] = await db()
      .insertInto("notification")
      .values({ recipient_id: facilitator.id, kind: "registration", item_type: "event", item_id: event.id, delivery: "digest" })
      .returning("id")
      .execute();
    const runs = await Promise.all([sendWeeklyDigests(at), sendWeeklyDigests(at), sendWeeklyDigests(at)]);
    expect(runs.reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(await sendWeeklyDigests(new Date(at.getTime() + 3600_000))).toBe(0);
    expect(await mailsTo(reader)).toHaveLength(1);
    expect(await mailsTo(funder)).toHaveLength(1);
    expect(await mailsTo(quiet)).toEqual([]);

    const [mail] = await mailsTo(reader);
    expect(mail.subject).toBe("Uw weekoverzicht van Leernetwerk");
    expect(mail.body_text).toContain("Buurtkamer open (door Auke Auteur)");
    expect(mail.body_text).not.toContain("Vertrouwelijk");
    expect(mail.body_html).toContain("Gedeeld met iedereen &lt;b&gt;vet&lt;/b&gt;");
    expect(mail.body_html).not.toContain("<b>vet</b>");
    expect(mail.body_html).toContain('name="viewport"');
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.body_text).toContain(mail.headers["List-Unsubscribe"].slice(1, -1));
    expect(mail.body_text).toContain("/settings/notifications");

    const [toFacilitator] = await mailsTo(facilitator);
    expect(toFacilitator.body_text).toContain("Nieuwe aanmelding voor de bijeenkomst ‘Voorster buurtavond’");
    const delivered = await db().selectFrom("notification").where("id", "=", notification.id).select("mailed_at").executeTakeFirstOrThrow();
    expect(delivered.mailed_at).not.toBeNull();
  });

  it("writes in the person's language", async () => {
    const english = await createPerson({ team, name: "Emma English" });
    await db().updateTable("person").set({ language: "en" }).where("id", "=", english.id).execute();
    await onDigestDay(english as Person);
    await sendWeeklyDigests(at);
    const [mail] = await mailsTo(english);
    expect(mail.subject).toBe("Your weekly Leernetwerk digest");
    expect(mail.body_text).toContain("Buurtkamer open (by Auke Auteur)");
  });

  it("respects 'off', and the digest's one-click unsubscribe switches it off", async () => {
    const off = await createPerson({ team, name: "Uit Uwe" });
    await onDigestDay(off as Person);
    await db()
      .insertInto("notification_preference")
      .values(notificationKinds.filter((kind) => defaultDelivery[kind] === "digest").map((kind) => ({ person_id: off.id, kind, delivery: "off" as const })))
      .execute();
    await sendWeeklyDigests(at);
    expect(await mailsTo(off)).toEqual([]);

    const [mail] = await mailsTo(reader);
    const token = mail.headers["List-Unsubscribe"].match(/\/unsubscribe\/([^>]+)>$/)![1];
    // Opening the link (a mail scanner does) changes nothing; the provider's one-click POST switches the digest off.
    const page = await callRoute(unsubscribeRoute.loader, { request: new Request(`${BASE}/unsubscribe/${token}`), params: { token } });
    expect(await page.json()).toEqual({ kind: "digest" });
    expect(await sendWeeklyDigests(new Date(at.getTime() + 3600_000))).toBe(0);
    expect((await digestFor(reader)).coalitions.length).toBeGreaterThan(0);
    const oneClick = await callRoute(unsubscribeRoute.action, {
      request: new Request(`${BASE}/unsubscribe/${token}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
      params: { token },
    });
    expect(oneClick.status).toBe(200);
    const kinds = await db().selectFrom("notification_preference").where("person_id", "=", reader.id).select(["kind", "delivery"]).execute();
    expect(kinds.filter((k) => k.delivery === "digest")).toEqual([]);
    await db().deleteFrom("digest_sent").where("person_id", "=", reader.id).execute();
    await sendWeeklyDigests(at);
    expect(await mailsTo(reader)).toHaveLength(1);
  });
});

describe("the mail", () => {
  it("shows five lines a section, and links 'and N more' to the coalition's list", () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({ title: `Reflectie ${i + 1}`, author: "Auke", path: `/teams/voorst/reflections/${i}` }));
    const group = { coalitionId: "c", name: "Voorst", slug: "voorst", reflections: entries, lessons: [], replies: [], sessions: [], events: [], milestones: [] };
    const mail = digestMail({ name: "Rita", language: "nl" }, { coalitions: [group], notifications: [] }, { origin: "https://ln.example", unsubscribe: "https://ln.example/u" });
    expect(mail.text).toContain("Reflectie 5");
    expect(mail.text).not.toContain("Reflectie 6");
    expect(mail.text).toContain("(en nog 2 berichten: https://ln.example/teams/voorst/reflections)");
    expect(mail.html).toContain('<a href="https://ln.example/teams/voorst/reflections" style="color:#1d4ed8">en nog 2 berichten</a>');
  });
});

describe("the day and hour in Amsterdam", () => {
  it("is 08:00 local time on both sides of the daylight-saving changes", () => {
    // Sunday 21 March 2027 (winter time, UTC+1) and Sunday 28 March 2027, the day summer time starts (UTC+2).
    expect(digestClock(new Date("2027-03-21T06:59:00Z"))).toEqual({ weekday: 7, hour: 7, week: "2027-W11" });
    expect(digestClock(new Date("2027-03-21T07:00:00Z"))).toMatchObject({ weekday: 7, hour: 8 });
    expect(digestClock(new Date("2027-03-28T05:59:00Z"))).toMatchObject({ weekday: 7, hour: 7 });
    expect(digestClock(new Date("2027-03-28T06:00:00Z"))).toMatchObject({ weekday: 7, hour: 8, week: "2027-W12" });
    // Sunday 31 October 2027, back to winter time.
    expect(digestClock(new Date("2027-10-31T06:00:00Z"))).toMatchObject({ weekday: 7, hour: 7 });
    expect(digestClock(new Date("2027-10-31T07:00:00Z"))).toMatchObject({ weekday: 7, hour: 8 });
    // Monday 00:30 in Amsterdam is still Sunday in UTC; a new ISO week across the year's end.
    expect(digestClock(new Date("2027-03-28T22:30:00Z"))).toMatchObject({ weekday: 1, hour: 0, week: "2027-W13" });
    expect(digestClock(new Date("2027-01-01T09:00:00Z"))).toMatchObject({ weekday: 5, week: "2026-W53" });
  });

  it("sends a Sunday digest at 08:00 summer time on the day the clocks go forward, not an hour early", async () => {
    const sunday = await createPerson({ team, name: "Zondag Zoë" });
    await db().insertInto("digest_day").values({ person_id: sunday.id, weekday: 7 }).execute();
    await writeReflection(author.id, team.id, { title: "Zondagse reflectie", text: "x", visibility: "team" });
    await sql`update reflection set created_at = '2027-03-27T12:00:00Z' where title = 'Zondagse reflectie'`.execute(db());
    expect(await sendWeeklyDigests(new Date("2027-03-28T05:59:00Z"))).toBe(0);
    expect(await mailsTo(sunday)).toEqual([]);
    await sendWeeklyDigests(new Date("2027-03-28T06:00:00Z"));
    expect(await mailsTo(sunday)).toHaveLength(1);
  });
});
