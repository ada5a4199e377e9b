import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originGuard } from "../../app/server/origin-guard";

// The server's guard against cross-site requests, over real HTTP: a state-changing request is accepted only
// when it says it comes from our own origin. Browsers send Origin with every POST, so a request without one
// is refused as well.
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(originGuard());
  app.all("*", (req, res) => void res.send(`passed ${req.method}`));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (method: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/teams/utrecht/reflections/new`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : "title=x" });

describe("the Origin guard", () => {
  it("refuses a POST with no Origin header", async () => {
    const response = await send("POST");
    expect(response.status).toBe(403);
  });

  it("refuses a POST from another site", async () => {
    expect((await send("POST", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await send("POST", { Origin: "null" })).status).toBe(403);
    // Same host, other scheme or port: another origin.
    expect((await send("POST", { Origin: base.replace("http:", "https:") })).status).toBe(403);
  });

  it("refuses the other state-changing methods the same way", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) expect((await send(method)).status).toBe(403);
  });

  it("lets a mail provider's one-click unsubscribe through without an Origin, and only that", async () => {
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: "POST", headers, body: "List-Unsubscribe=One-Click" });
    expect((await post("/unsubscribe/abc_DEF-123")).status).toBe(200);
    // From another site's page it is still refused, and so is any other address without an Origin.
    expect((await post("/unsubscribe/abc_DEF-123", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await post("/unsubscribe/abc/../../settings")).status).toBe(403);
    expect((await post("/unsubscribe/abc?index")).status).toBe(200);
    expect((await post("/settings/notifications")).status).toBe(403);
  });

  it("lets a POST from our own pages through", async () => {
    const response = await send("POST", { Origin: base });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("passed POST");
  });

  it("lets reading requests through without an Origin", async () => {
    expect((await send("GET")).status).toBe(200);
    expect((await send("HEAD")).status).toBe(200);
  });

  it("with PUBLIC_URL set, only that origin passes, whatever Host the request names", async () => {
    const app = express();
    app.use(originGuard("https://leernetwerk.example.org/some/path"));
    app.post("*", (_req, res) => void res.send("passed"));
    const fixed = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => fixed.once("listening", resolve));
    const url = `http://127.0.0.1:${(fixed.address() as AddressInfo).port}/x`;
    try {
      expect((await fetch(url, { method: "POST", headers: { Origin: "https://leernetwerk.example.org" } })).status).toBe(200);
      expect((await fetch(url, { method: "POST", headers: { Origin: url.replace("/x", "") } })).status).toBe(403);
      expect((await fetch(url, { method: "POST" })).status).toBe(403);
    } finally {
      await new Promise((resolve) => fixed.close(resolve));
    }
  });
});
