import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, useDatabase, type DB } from "../../db/db.server";
import { sendEmail } from "../../app/domain/mail/email.server";
import { startQueue, stopQueue } from "../../app/server/queue.server";
import { startMailReceiver } from "../fixtures/smtp";
import { basePort, createDatabase, dropDatabase, postForm, seedDemoInto, signIn, sleep, startServer, stopServer, waitHealthy, type Server } from "./harness";

// The job queue across real server processes on one PostgreSQL database: each job is done by one of them, and
// a job sent while no process runs is done by the first one that starts.
let databaseUrl: string;
let database: DB;
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let servers: Server[] = [];

const start = (i: number) => startServer(basePort + 14 + i, { DATABASE_URL: databaseUrl, SMTP_URL: mail.url });
const mailsTo = (address: string) => mail.received.filter((m) => m.to.includes(address));

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !check() && Date.now() < end; ) await sleep(100);
}

beforeAll(async () => {
  mail = await startMailReceiver();
  databaseUrl = await createDatabase();
  servers = [0, 1, 2].map(start);
  await Promise.all(servers.map((server) => waitHealthy(server)));
  await seedDemoInto(databaseUrl);
});

afterAll(async () => {
  await Promise.all(servers.map(stopServer));
  await stopQueue();
  await database?.destroy();
  await mail?.stop();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe("three processes working one queue", () => {
  it("send 30 invitations through all three: each mail is sent exactly once", async () => {
    const cookie = await signIn(servers[0], "admin@demo.test");
    const addresses = Array.from({ length: 30 }, (_, i) => `fonds-${i}@queue.example`);
    await Promise.all(
      addresses.map(async (email, i) => {
        const response = await postForm(servers[i % 3], "/admin/invitations", { intent: "funder", email, language: "nl" }, cookie);
        expect(response.status).toBe(302);
      }),
    );
    await until(() => addresses.every((a) => mailsTo(a).length > 0));
    await sleep(3_000); // time for any second sending
    expect(addresses.map((a) => mailsTo(a).length)).toEqual(addresses.map(() => 1));
  });

  it("a mail sent while no process runs is sent by the first one that starts", async () => {
    await Promise.all(servers.map(stopServer));
    // Written the way a request would, from this test process (the queue started here only to send, not to work).
    database = connect({ ...process.env, DATABASE_URL: databaseUrl });
    useDatabase(database);
    await startQueue([], { connectionString: databaseUrl });
    const to = "na-herstart@queue.example";
    await sendEmail({ to, subject: "Na de herstart", text: "Deze mail wachtte op een proces." });
    await sleep(3_000);
    expect(mailsTo(to)).toHaveLength(0);

    servers = [start(0)];
    await waitHealthy(servers[0]);
    await until(() => mailsTo(to).length > 0);
    await sleep(2_000);
    expect(mailsTo(to)).toHaveLength(1);
    const row = await database.selectFrom("email_outbox").where("to_address", "=", to).selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
  });
});
