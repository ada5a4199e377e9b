import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import pg from "pg";
import { connect, useDatabase } from "../../db/db.server";
import { seedDemo } from "../../db/demo";

// The server tests run the built production server (build/server.js) as real processes against a real
// PostgreSQL database of their own, created here and dropped afterwards.

export const DEMO_PASSWORD = "demo-wachtwoord";
const SERVER_ENTRY = "build/server.js";

function testDatabaseUrl(): URL {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("The server tests need TEST_DATABASE_URL (a PostgreSQL server they may create databases on).");
  return new URL(url);
}

async function admin(statement: string): Promise<void> {
  const url = testDatabaseUrl();
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; returns its URL. */
export async function createDatabase(): Promise<string> {
  const name = `leernetwerk_srv_${randomBytes(5).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = testDatabaseUrl();
  url.pathname = `/${name}`;
  return url.href;
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await admin(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
}

/** Seeds the demo programme (accounts with DEMO_PASSWORD, team slug 'utrecht') into a migrated database. */
export async function seedDemoInto(databaseUrl: string): Promise<void> {
  const instance = connect({ ...process.env, DATABASE_URL: databaseUrl });
  useDatabase(instance);
  await seedDemo();
  await instance.destroy();
}

export type Server = { base: string; process: ChildProcess; output: () => string };

/** Starts the production server on a port, with the given environment on top of a clean one. */
export function startServer(port: number, env: Record<string, string>): Server {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` before the server tests.`);
  let output = "";
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { base: `http://localhost:${port}`, process: child, output: () => output };
}

/** Waits until /healthz says ok. */
export async function waitHealthy(server: Server, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.process.exitCode !== null) throw new Error(`The server stopped (exit ${server.process.exitCode}):\n${server.output()}`);
    const ok = await fetch(`${server.base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`The server did not become healthy in ${timeoutMs} ms:\n${server.output()}`);
}

export async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000).then(() => server.process.kill("SIGKILL"))]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts a form the way a browser does from our own pages (with Origin); redirects are not followed. */
export function postForm(server: Server, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${server.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.base, ...(cookie && { Cookie: cookie }) },
    body: new URLSearchParams(fields),
  });
}

export function get(server: Server, path: string, cookie?: string): Promise<Response> {
  return fetch(`${server.base}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

/** Signs in and returns the session cookie. */
export async function signIn(server: Server, email: string): Promise<string> {
  const response = await postForm(server, "/login", { email, password: DEMO_PASSWORD, redirectTo: "/" });
  if (response.status !== 302) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/**
 * A TCP proxy in front of PostgreSQL that a test can cut: `cut()` drops every connection and refuses new
 * ones (PostgreSQL gone), `restore()` accepts again, `dropConnections()` drops them but keeps accepting
 * (what a PostgreSQL restart does to open connections).
 */
export class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async restore(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.dropConnections();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The database URL that goes through this proxy. */
  via(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${this.port}`;
    return url.href;
  }
}

/** Where TEST_DATABASE_URL's server listens, for the proxy. */
export function postgresAddress(): { host: string; port: number } {
  const url = testDatabaseUrl();
  return { host: url.hostname === "localhost" ? "127.0.0.1" : url.hostname, port: Number(url.port || 5432) };
}

/** Test ports: SERVER_TEST_PORT (default 3400) and the few after it. */
export const basePort = Number(process.env.SERVER_TEST_PORT ?? 3400);
