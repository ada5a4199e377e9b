import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { promptAfterSessions, sendSessionReminders } from "../../app/domain/sessions/session-reminders.server";
import * as newReflectionRoute from "../../app/routes/teams.$team.reflections.new";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { insertSession } from "../fixtures/session-rows";
import { sessionAction, sessionPageFor } from "../fixtures/sessions";

// The reminder before a session: to those coming only, once, at the facilitator's choice of moment, on the
// clock in Amsterdam across the daylight-saving changes, never for a cancelled session, again for a moved one.

let team: Awaited<ReturnType<typeof createCoalition>>;
let facilitator: Awaited<ReturnType<typeof createPerson>>;
let coming: Awaited<ReturnType<typeof createPerson>>;
let notComing: Awaited<ReturnType<typeof createPerson>>;
let pending: Awaited<ReturnType<typeof createPerson>>;
let outsider: Awaited<ReturnType<typeof createPerson>>;

beforeAll(async () => {
  team = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  coming = await createPerson({ team, name: "Ans Komt" });
  notComing = await createPerson({ team, name: "Bram Niet" });
  pending = await createPerson({ team, name: "Cor Weet-niet" });
  outsider = await createPerson({ team, name: "Dirk Teamlid" });
});

async function session(startsAt: string, extra: { reminder?: "off" | "day_before" | "two_hours"; question?: string } = {}) {
  const id = await insertSession({
    coalitionId: team.id,
    facilitatorId: facilitator.id,
    title: `Intervisie ${startsAt}`,
    startsAt: new Date(startsAt),
    invitees: [
      { personId: coming.id, rsvp: "yes" },
      { personId: notComing.id, rsvp: "no" },
      { personId: pending.id, rsvp: "pending" },
    ],
  });
  await db()
    .updateTable("intervision_session")
    .set({ place: "Buurthuis De Linde", reminder: extra.reminder ?? "day_before", preparation_question: extra.question ?? null })
    .where("id", "=", id)
    .execute();
  return id;
}

/** The reminder mails about one session, per address. */
async function remindersFor(sessionId: string) {
  const { title } = await db().selectFrom("intervision_session").where("id", "=", sessionId).select("title").executeTakeFirstOrThrow();
  const rows = await db()
    .selectFrom("email_outbox")
    .where("subject", "like", `%${title}%`)
    .where((eb) => eb.or([eb("subject", "like", "Herinnering%"), eb("subject", "like", "Reminder%")]))
    .select(["to_address", "subject", "body_text"])
    .execute();
  return rows;
}

const addresses = (rows: { to_address: string }[]) => rows.map((row) => row.to_address).sort();

describe("who is reminded", () => {
  it("never anyone not coming: not the team member not invited, not who said no, not who has not answered", async () => {
    const id = await session("2027-05-12T17:00:00Z", { question: "Hoe houd ik vrijwilligers vast?" });
    await sendSessionReminders(new Date("2027-05-11T17:00:00Z"));
    const mails = await remindersFor(id);
    for (const person of [outsider, notComing, pending]) expect(addresses(mails)).not.toContain(person.email);
    const notifications = await db().selectFrom("notification").where("item_id", "=", id).select("recipient_id").execute();
    expect(notifications.map((n) => n.recipient_id).sort()).toEqual([facilitator.id, coming.id].sort());
    expect(addresses(mails)).toEqual([facilitator.email, coming.email].sort());
  });

  it("the mail says when and where, with the case bringer's question, and nothing of the notes", async () => {
    const id = await session("2027-05-19T17:00:00Z", { question: "Hoe houd ik vrijwilligers vast?" });
    await db().updateTable("intervision_session").set({ takeaway_text: "GEHEIME NOTITIE" }).where("id", "=", id).execute();
    await sendSessionReminders(new Date("2027-05-18T17:00:00Z"));
    const [mail] = (await remindersFor(id)).filter((row) => row.to_address === coming.email);
    expect(mail.subject).toContain("Herinnering: intervisie");
    expect(mail.body_text).toContain("woensdag 19 mei 2027, 19:00");
    expect(mail.body_text).toContain("Buurthuis De Linde");
    expect(mail.body_text).toContain("Hoe houd ik vrijwilligers vast?");
    expect(mail.body_text).not.toContain("GEHEIME NOTITIE");
    expect(mail.body_text).toContain("/unsubscribe/");
  });

  it("not who switched session mail off", async () => {
    await db().insertInto("notification_preference").values({ person_id: coming.id, kind: "session", delivery: "off" }).execute();
    try {
      const id = await session("2027-05-26T17:00:00Z");
      await sendSessionReminders(new Date("2027-05-25T17:00:00Z"));
      expect(addresses(await remindersFor(id))).toEqual([facilitator.email]);
    } finally {
      await db().deleteFrom("notification_preference").where("person_id", "=", coming.id).execute();
    }
  });
});

describe("once, at the right moment", () => {
  it("is sent once even when the job runs twice, and twice at the same moment", async () => {
    const id = await session("2027-06-02T17:00:00Z");
    const now = new Date("2027-06-01T17:30:00Z");
    await Promise.all([sendSessionReminders(now), sendSessionReminders(now)]);
    await sendSessionReminders(new Date("2027-06-01T17:45:00Z"));
    expect(addresses(await remindersFor(id))).toEqual([facilitator.email, coming.email].sort());
  });

  it("the day before at the same clock time in Amsterdam, across the change to summer time (23 hours)", async () => {
    // Sunday 28 March 2027, 14:00 summer time = 12:00 UTC; Saturday 14:00 winter time = 13:00 UTC.
    const id = await session("2027-03-28T12:00:00Z");
    await sendSessionReminders(new Date("2027-03-27T12:59:00Z"));
    expect(await remindersFor(id)).toHaveLength(0);
    await sendSessionReminders(new Date("2027-03-27T13:00:00Z"));
    expect(await remindersFor(id)).toHaveLength(2);
  });

  it("the day before at the same clock time in Amsterdam, across the change to winter time (25 hours)", async () => {
    // Sunday 31 October 2027, 14:00 winter time = 13:00 UTC; Saturday 14:00 summer time = 12:00 UTC.
    const id = await session("2027-10-31T13:00:00Z");
    await sendSessionReminders(new Date("2027-10-30T11:59:00Z"));
    expect(await remindersFor(id)).toHaveLength(0);
    await sendSessionReminders(new Date("2027-10-30T12:00:00Z"));
    const mails = await remindersFor(id);
    expect(mails).toHaveLength(2);
    expect(mails[0].body_text).toContain("zondag 31 oktober 2027, 14:00");
  });

  it("two hours before when the facilitator chose so, and not at all when switched off", async () => {
    const early = await session("2027-07-07T17:00:00Z", { reminder: "two_hours" });
    const off = await session("2027-07-07T17:00:01Z", { reminder: "off" });
    await sendSessionReminders(new Date("2027-07-06T17:00:00Z"));
    expect(await remindersFor(early)).toHaveLength(0);
    await sendSessionReminders(new Date("2027-07-07T15:00:00Z"));
    expect(await remindersFor(early)).toHaveLength(2);
    expect(await remindersFor(off)).toHaveLength(0);
  });

  it("not for a cancelled session; a moved session is reminded again for its new time", async () => {
    const cookie = await sessionFor(facilitator);
    const cancelled = await session("2027-08-04T17:00:00Z");
    const cancel = await sessionAction(team, cancelled, cookie, [["intent", "cancel"]]);
    expect(cancel.status).toBe(302);
    const moved = await session("2027-08-11T17:00:00Z");
    await sendSessionReminders(new Date("2027-08-10T17:00:00Z"));
    expect(await remindersFor(cancelled)).toHaveLength(0);
    expect(await remindersFor(moved)).toHaveLength(2);
    const move = await sessionAction(team, moved, cookie, [
      ["intent", "reschedule"],
      ["date", "2027-08-18"],
      ["start", "19:00"],
      ["end", "21:00"],
    ]);
    expect(move.status).toBe(302);
    await sendSessionReminders(new Date("2027-08-16T17:00:00Z"));
    expect(await remindersFor(moved)).toHaveLength(2);
    await sendSessionReminders(new Date("2027-08-17T17:00:00Z"));
    expect(await remindersFor(moved)).toHaveLength(4);
  });
});

describe("who chooses", () => {
  it("only the session's facilitator sets the reminder: a participant is refused, the facilitator is not", async () => {
    const id = await session("2027-09-01T17:00:00Z");
    const reminderOf = async () =>
      (await db().selectFrom("intervision_session").where("id", "=", id).select("reminder").executeTakeFirstOrThrow()).reminder;
    const wrong = await sessionAction(team, id, await sessionFor(coming), [["intent", "reminder"], ["reminder", "off"]]);
    expect(wrong.status).toBe(404);
    const outsiderTry = await sessionAction(team, id, await sessionFor(outsider), [["intent", "reminder"], ["reminder", "off"]]);
    expect(outsiderTry.status).toBe(404);
    expect(await reminderOf()).toBe("day_before");
    const bad = await sessionAction(team, id, await sessionFor(facilitator), [["intent", "reminder"], ["reminder", "sometimes"]]);
    expect(bad.status).toBe(400);
    const right = await sessionAction(team, id, await sessionFor(facilitator), [["intent", "reminder"], ["reminder", "two_hours"]]);
    expect(right.status).toBe(302);
    expect(await reminderOf()).toBe("two_hours");
  });

  it("only the case bringer writes the question to prepare; those coming read it, the rest of the team does not", async () => {
    const id = await session("2027-09-08T17:00:00Z");
    await db().updateTable("intervision_session").set({ case_bringer_id: coming.id }).where("id", "=", id).execute();
    const questionOf = async () =>
      (await db().selectFrom("intervision_session").where("id", "=", id).select("preparation_question").executeTakeFirstOrThrow()).preparation_question;
    for (const person of [facilitator, notComing]) {
      await sessionAction(team, id, await sessionFor(person), [["intent", "preparation"], ["question", "Niet van mij"]]);
    }
    expect(await questionOf()).toBeNull();
    const right = await sessionAction(team, id, await sessionFor(coming), [["intent", "preparation"], ["question", "Hoe zeg ik nee?"]]);
    expect(right.status).toBe(302);
    expect(await questionOf()).toBe("Hoe zeg ik nee?");
    const seenBy = async (person: { id: string }) => JSON.stringify(await (await sessionPageFor(team, id, await sessionFor(person))).json());
    expect(await seenBy(outsider)).not.toContain("Hoe zeg ik nee?");
    expect(await seenBy(facilitator)).toContain("Hoe zeg ik nee?");
  });
});

describe("after the session", () => {
  it("those who came are asked once what they take with them, with a link that opens a reflection linked to the session; nobody else", async () => {
    const id = await session("2027-09-15T17:00:00Z");
    await db().updateTable("intervision_session").set({ takeaway_text: "GEHEIME NOTITIE" }).where("id", "=", id).execute();
    const after = new Date("2027-09-15T19:00:00Z");
    expect(await promptAfterSessions(new Date("2027-09-15T18:00:00Z"))).toBe(0);
    await Promise.all([promptAfterSessions(after), promptAfterSessions(after)]);
    await promptAfterSessions(new Date("2027-09-15T20:00:00Z"));
    const mails = await db().selectFrom("email_outbox").where("subject", "=", `Wat neemt u mee? – Intervisie 2027-09-15T17:00:00Z`).select(["to_address", "body_text"]).execute();
    expect(addresses(mails)).toEqual([facilitator.email, coming.email].sort());
    for (const mail of mails) expect(mail.body_text).not.toContain("GEHEIME NOTITIE");
    const path = `/teams/${team.slug}/reflections/new?session=${id}`;
    expect(mails[0].body_text).toContain(path);
    const page = await callRoute(newReflectionRoute.loader, { request: browserRequest(path, { cookie: await sessionFor(coming) }), params: { team: team.slug } });
    expect((await page.json()).fromSession.id).toBe(id);
  });

  it("not for a session long past or cancelled", async () => {
    const old = await session("2027-09-22T17:00:00Z");
    const cancelled = await session("2027-09-22T17:00:01Z");
    await db().updateTable("intervision_session").set({ status: "cancelled" }).where("id", "=", cancelled).execute();
    await promptAfterSessions(new Date("2027-09-25T12:00:00Z"));
    const prompted = await db().selectFrom("intervision_session").where("id", "in", [old, cancelled]).where("takeaway_prompted_at", "is not", null).execute();
    expect(prompted).toHaveLength(0);
  });
});
