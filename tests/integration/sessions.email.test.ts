import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { createCoalition, createPerson, lastMailTo, linkIn, sessionFor } from "../fixtures";
import { readCalendar, scheduleSession, sessionAction, slotsOf, type StoredAttachment } from "../fixtures/sessions";
import { eventually, startTestQueue } from "../fixtures/queue";
import { startMailReceiver, type ReceivedMail } from "../fixtures/smtp";

// The messages of scheduling: the poll invitation, and the confirmation with its calendar file attached —
// in the outbox always, and through a real mail server when SMTP_URL is set.

let team: Awaited<ReturnType<typeof createCoalition>>;
let facilitator: { id: string; email: string };
let ans: { id: string; email: string };
let bram: { id: string; email: string };
let facilitatorCookie: string;

const times = [
  { date: "2027-03-28", start: "14:00", end: "16:00" },
  { date: "2027-03-30", start: "19:00", end: "21:00" },
];

beforeAll(async () => {
  team = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  ans = await createPerson({ team, name: "Ans Jansen" });
  bram = await createPerson({ team, name: "Bram de Vries" });
  await db().updateTable("person").set({ language: "en" }).where("id", "=", bram.id).execute();
  facilitatorCookie = await sessionFor(facilitator);
});

async function confirm(sessionId: string) {
  const [slot] = await slotsOf(sessionId);
  const response = await sessionAction(team, sessionId, facilitatorCookie, [
    ["intent", "confirm"],
    ["slotId", slot.id],
  ]);
  expect(response.status).toBe(302);
}

describe("in the outbox", () => {
  let sessionId: string;

  it("every invitee gets the poll invitation with a link to the poll, in their own language", async () => {
    sessionId = await scheduleSession(team, facilitatorCookie, { title: "Voorjaarsintervisie", invitees: [ans.id, bram.id], slots: times });
    const toAns = await lastMailTo(ans.email);
    expect(toAns?.subject).toBe("Intervisie: wanneer kunt u? – Voorjaarsintervisie");
    expect(toAns?.body_text).toContain("Fenna Begeleider");
    expect(linkIn(toAns!.body_text, "/teams/")).toBe(`/teams/${team.slug}/sessions/${sessionId}`);
    const toBram = await lastMailTo(bram.email);
    expect(toBram?.subject).toBe("Intervision: when can you come? – Voorjaarsintervisie");
    // The facilitator scheduled it and needs no invitation.
    expect(await lastMailTo(facilitator.email)).toBeUndefined();
  });

  it("the confirmation reaches invitees and the facilitator with a text/calendar attachment", async () => {
    // Ans can make the first time; Bram has not answered.
    const [first] = await slotsOf(sessionId);
    const ansCookie = await sessionFor(ans);
    await sessionAction(team, sessionId, ansCookie, [["intent", "vote"], [`answers.${first.id}`, "yes"]]);
    await confirm(sessionId);
    for (const person of [ans, bram, facilitator]) {
      const mail = await lastMailTo(person.email);
      const attachments = mail!.attachments as StoredAttachment[];
      expect(attachments).toHaveLength(1);
      expect(attachments[0].filename).toBe("intervisie.ics");
      expect(attachments[0].contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
      const { method, events } = readCalendar(attachments[0].content);
      expect(method).toBe("REQUEST");
      expect(events[0].start.toJSDate().toISOString()).toBe("2027-03-28T12:00:00.000Z");
    }
    const toAns = await lastMailTo(ans.email);
    expect(toAns?.subject).toBe("Intervisie vastgelegd: Voorjaarsintervisie");
    expect(toAns?.body_text).toContain("zondag 28 maart 2027, 14:00–16:00");
    expect((await lastMailTo(bram.email))?.body_text).toContain("Sunday, 28 March 2027, 14:00–16:00");
    // Who said yes to that time is not asked again; who did not answer is.
    expect(toAns?.body_text).toContain("u staat genoteerd als deelnemer");
    expect(toAns?.body_text).not.toContain("Laat via deze link weten of u komt");
    expect((await lastMailTo(bram.email))?.body_text).toContain("Please let us know whether you are coming");
  });
});

describe("through a real mail server", () => {
  let mail: Awaited<ReturnType<typeof startMailReceiver>>;
  let received: ReceivedMail[];

  let queue: Awaited<ReturnType<typeof startTestQueue>>;

  beforeAll(async () => {
    mail = await startMailReceiver();
    received = mail.received;
    queue = await startTestQueue();
  });

  afterAll(async () => {
    await queue.stop();
    await mail.stop();
  });

  /** The calendar part of a MIME message, decoded. */
  function calendarPart(message: string): { headers: string; text: string } {
    const boundary = message.match(/boundary="?([^"\r\n;]+)"?/)?.[1];
    expect(boundary).toBeTruthy();
    const part = message.split(`--${boundary}`).find((p) => /Content-Type: text\/calendar/i.test(p));
    expect(part).toBeTruthy();
    const [headers, ...body] = part!.replace(/^\r\n/, "").split("\r\n\r\n");
    const raw = body.join("\r\n\r\n").trim();
    const text = /Content-Transfer-Encoding: base64/i.test(headers)
      ? Buffer.from(raw.replace(/\s+/g, ""), "base64").toString("utf8")
      : raw;
    return { headers, text };
  }

  it("delivers the poll invitation and the confirmation with the .ics attached", async () => {
    const sessionId = await scheduleSession(team, facilitatorCookie, { title: "Intervisie per post", invitees: [ans.id], slots: times });
    // Each mail is sent by a job, a moment after the request.
    const invitation = await eventually(() => received.find((m) => m.to.includes(ans.email)));
    expect(invitation!.data).not.toMatch(/text\/calendar/i);
    await confirm(sessionId);
    await eventually(() => received.filter((m) => m.to.includes(ans.email)).length === 2);
    const confirmation = received.filter((m) => m.to.includes(ans.email)).pop()!;
    expect(confirmation).not.toBe(invitation);
    const { headers, text } = calendarPart(confirmation.data);
    expect(headers).toMatch(/filename="?intervisie\.ics"?/);
    expect(headers).toMatch(/method=REQUEST/i);
    const { method, events } = readCalendar(text);
    expect(method).toBe("REQUEST");
    const session = await db().selectFrom("intervision_session").where("id", "=", sessionId).select("ical_uid").executeTakeFirstOrThrow();
    expect(events[0].uid).toBe(session.ical_uid);
    expect(events[0].start.toJSDate().toISOString()).toBe("2027-03-28T12:00:00.000Z");
    // And the outbox records it as sent.
    const row = await eventually(async () => {
      const last = await lastMailTo(ans.email);
      return last?.sent_at ? last : null;
    });
    expect(row?.last_error).toBeNull();
  });
});
