import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  basePort,
  createDatabase,
  CuttableProxy,
  dropDatabase,
  get,
  postForm,
  postgresAddress,
  seedDemoInto,
  signIn,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
  type Server,
} from "./harness";

// An operator's PostgreSQL restarts, or is gone for half a minute: the server keeps running, tells people
// plainly that it is briefly unavailable, and works again as soon as PostgreSQL is back.
const proxy = new CuttableProxy(basePort + 1, postgresAddress());
let databaseUrl: string;
let server: Server;
let cookie: string;

const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
const reflection = (title: string) => ({
  title,
  bodyText: "Geschreven terwijl de database haperde.",
  happenedOn: today,
  visibility: "team",
});

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work;
  return [result, performance.now() - started];
}

beforeAll(async () => {
  databaseUrl = await createDatabase();
  await proxy.restore();
  server = startServer(basePort, { DATABASE_URL: proxy.via(databaseUrl) });
  await waitHealthy(server);
  await seedDemoInto(databaseUrl);
  cookie = await signIn(server, "lid.utrecht@demo.test");
});

afterAll(async () => {
  if (server) await stopServer(server);
  await proxy.cut();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe("when PostgreSQL goes away", () => {
  it("a restart (every connection dropped) does not stop the server, and the next request is served", async () => {
    expect((await get(server, "/teams/utrecht", cookie)).status).toBe(200);
    proxy.dropConnections();
    await sleep(300);
    expect(server.process.exitCode).toBeNull();
    expect((await get(server, "/teams/utrecht", cookie)).status).toBe(200);
    expect(server.output()).not.toMatch(/Unhandled 'error' event/);
  });

  it("during a 30-second outage pages answer 503 in Dutch then English within 10 s, /healthz 503; afterwards all works", async () => {
    const outageStarted = Date.now();
    await proxy.cut();

    const slowest: number[] = [];
    while (Date.now() - outageStarted < 30_000) {
      const [page, pageMs] = await timed(get(server, "/teams/utrecht", cookie));
      const html = await page.text();
      expect(page.status).toBe(503);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(html.indexOf("even niet bereikbaar")).toBeGreaterThan(-1);
      expect(html.indexOf("even niet bereikbaar")).toBeLessThan(html.indexOf("briefly unavailable"));
      expect(html).not.toMatch(/at .+\.js:\d+|Error:|ECONNREFUSED/);

      // A form sent during the outage is not lost silently: it is answered 503 too.
      const [posted, postMs] = await timed(postForm(server, "/teams/utrecht/reflections/new", reflection("Tijdens de storing"), cookie));
      expect(posted.status).toBe(503);

      // A click inside the app (Remix's data request) gets a 503 its error boundary shows.
      const data = await get(server, "/teams/utrecht?_data=routes%2Fteams.%24team._index", cookie);
      expect(data.status).toBe(503);
      expect(data.headers.get("x-remix-catch")).toBe("yes");

      const [health, healthMs] = await timed(get(server, "/healthz"));
      expect(health.status).toBe(503);
      slowest.push(Math.max(pageMs, postMs, healthMs));
      expect(server.process.exitCode).toBeNull();
      await sleep(4_000);
    }
    console.log(`[faults] outage answers: slowest ${Math.round(Math.max(...slowest))} ms over ${slowest.length} rounds`);
    expect(Math.max(...slowest)).toBeLessThan(10_000);

    await proxy.restore();
    const restored = Date.now();
    await waitHealthy(server, 15_000);
    console.log(`[faults] /healthz ok ${Date.now() - restored} ms after PostgreSQL came back`);
    expect((await get(server, "/teams/utrecht", cookie)).status).toBe(200);
    const saved = await postForm(server, "/teams/utrecht/reflections/new", reflection("Na de storing"), cookie);
    expect(saved.status).toBe(302);
    const page = await get(server, saved.headers.get("location")!, cookie);
    expect(await page.text()).toContain("Na de storing");
    expect(server.process.exitCode).toBeNull();
  });
});
