import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { sendEmail } from "../../app/domain/mail/email.server";
import * as outbox from "../../app/routes/admin.outbox";
import { browserRequest, callRoute, createCoalition, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";
import { eventually, startTestQueue } from "../fixtures/queue";
import { startMailReceiver } from "../fixtures/smtp";

// /admin/outbox shows queued, sent and failed mail; the admin (and only the admin) sends a failed one again.
// No tries after the first here, so a mail fails at once while the mail server is down.
process.env.MAIL_RETRY_LIMIT = "0";

let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let queue: Awaited<ReturnType<typeof startTestQueue>>;
let adminCookie: string;

beforeAll(async () => {
  mail = await startMailReceiver();
  queue = await startTestQueue();
  adminCookie = await sessionFor(await createPerson({ accountRole: "admin" }));
});

afterAll(async () => {
  await queue.stop();
  await mail.stop();
});

async function failedMailTo(to: string) {
  await mail.pause();
  await sendEmail({ to, subject: "Uw uitnodiging", text: "Welkom." });
  const row = await eventually(async () => {
    const last = await lastMailTo(to);
    return last?.failed_at ? last : null;
  });
  await mail.resume();
  return row;
}

const sendAgain = (cookie: string, mailId: string) =>
  callRoute(outbox.action, { request: browserRequest("/admin/outbox", { cookie, form: { mail: mailId } }) });

type Listed = { id: string; to_address: string; state: string; attempts: number; last_error: string | null };
async function listed(to: string): Promise<Listed | undefined> {
  const response = await callRoute(outbox.loader, { request: browserRequest("/admin/outbox", { cookie: adminCookie }) });
  return ((await response.json()) as { messages: Listed[] }).messages.find((m) => m.to_address === to);
}

describe("sending a failed mail again", () => {
  it("the page shows a failed mail with its reason and attempts", async () => {
    const to = `${unique("mislukt")}@test.example`;
    await failedMailTo(to);
    expect(await listed(to)).toMatchObject({ state: "failed", attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("is refused to anyone but the admin: a member, a facilitator, a funder get 404 and nothing is sent", async () => {
    const to = `${unique("niet-door-u")}@test.example`;
    const failed = await failedMailTo(to);
    const team = await createCoalition();
    for (const person of [
      await createPerson({ team, role: "member" }),
      await createPerson({ team, role: "facilitator" }),
      await createPerson({ accountRole: "funder" }),
    ]) {
      expect((await sendAgain(await sessionFor(person), failed.id)).status).toBe(404);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await lastMailTo(to)).toMatchObject({ failed_at: expect.any(Date), sent_at: null });
    expect(mail.received.filter((m) => m.to.includes(to))).toHaveLength(0);
  });

  it("the admin sends it again: it arrives once, is marked sent, and the audit log says so", async () => {
    const to = `${unique("opnieuw")}@test.example`;
    const failed = await failedMailTo(to);
    const response = await sendAgain(adminCookie, failed.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/outbox");
    await eventually(async () => (await lastMailTo(to))?.sent_at);
    expect(await listed(to)).toMatchObject({ state: "sent", attempts: 2 });
    expect(mail.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    const audit = await db().selectFrom("audit_event").where("kind", "=", "mail_resent").selectAll().execute();
    expect(audit.map((a) => a.detail)).toContainEqual({ mail: String(failed.id) });
    // A mail that is not a failed one (here: sent) cannot be sent again.
    expect((await sendAgain(adminCookie, failed.id)).status).toBe(404);
    expect((await sendAgain(adminCookie, "not-a-mail")).status).toBe(404);
  });
});
