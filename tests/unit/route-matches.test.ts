import { createRequire } from "node:module";
import { matchRoutes, UNSAFE_convertRoutesToDataRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { cachedDataRoutes, cachedMatchRoutes, loaderWithoutCopies, matchThroughExports } from "../../app/route-matches.server";

// The cached route matching must find exactly what Remix's own matching finds, for every copy of the route tree
// (Remix makes a new copy per request), with that copy's route objects.
type Route = AgnosticRouteObject;

function tree(): Route[] {
  const teamChildren: Route[] = [
    { id: "routes/teams.$team._index", index: true },
    { id: "routes/teams.$team.reflections._index", path: "reflections" },
    { id: "routes/teams.$team.reflections.new", path: "reflections/new" },
    { id: "routes/teams.$team.reflections.$id._index", path: "reflections/:id" },
    { id: "routes/teams.$team.reflections.$id.edit", path: "reflections/:id/edit" },
    { id: "routes/teams.$team.sessions.$id[.ics]", path: "sessions/:id.ics" },
  ];
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/login", path: "login" },
        { id: "routes/network.search", path: "network/search" },
        { id: "routes/programme._index", path: "programme" },
        { id: "routes/teams._index", path: "teams" },
        { id: "routes/teams.$team", path: "teams/:team", children: teamChildren },
        { id: "routes/settings_.leave.$team", path: "settings/leave/:team" },
        { id: "routes/calendar.$token[.ics]", path: "calendar/:token.ics" },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/login",
  "/login?redirectTo=%2Fprogramme",
  "/programme",
  "/programme/",
  "/network/search",
  "/teams",
  "/teams/samen-oost",
  "/teams/samen-oost/reflections",
  "/teams/samen-oost/reflections/new",
  "/teams/samen-oost/reflections/9b2f6c1e-0000-4000-8000-000000000001",
  "/teams/samen-oost/reflections/9b2f6c1e-0000-4000-8000-000000000001/edit",
  "/teams/samen%20oost/reflections",
  "/teams/x/sessions/abc.ics",
  "/settings/leave/west",
  "/calendar/tok.ics",
  "/nothing/here",
];

const summary = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("cached route matching", () => {
  const cached = cachedMatchRoutes(matchRoutes as never) as unknown as typeof matchRoutes;

  it.each(paths)("finds what Remix finds for %s, on every copy of the tree", (path) => {
    const expected = summary(matchRoutes(tree(), path));
    for (let copy = 0; copy < 3; copy++) {
      const routes = tree();
      const found = cached(routes, path);
      expect(summary(found)).toEqual(expected);
      // The routes handed back are those of the copy asked about.
      const ids = new Map<string, Route>();
      const walk = (list: Route[]) => list.forEach((r) => (ids.set(r.id!, r), walk(r.children ?? [])));
      walk(routes);
      for (const match of found ?? []) expect(match.route).toBe(ids.get(match.route.id!));
    }
    expect(summary(cached(tree(), { pathname: path.split("?")[0] }))).toEqual(summary(matchRoutes(tree(), { pathname: path.split("?")[0] })));
    expect(summary(cached(tree(), path, "/teams"))).toEqual(summary(matchRoutes(tree(), path, "/teams")));
  });

  it("hands out params a caller may change without changing the next answer", () => {
    const first = cached(tree(), "/teams/oost/reflections")!;
    (first[1].params as Record<string, string>).team = "changed";
    expect(cached(tree(), "/teams/oost/reflections")![1].params.team).toBe("oost");
  });

  it("does not mix up two trees of a different shape", () => {
    const other: Route[] = [{ id: "root", path: "", children: [{ id: "routes/login", path: "aanmelden" }] }];
    expect(summary(cached(other, "/login"))).toBeNull();
    expect(summary(cached(tree(), "/login"))?.map((m) => m.id)).toEqual(["root", "routes/login"]);
  });
});

describe("Remix's page handler", () => {
  it("matches a page through the router's exports, so the cache above serves it", async () => {
    matchThroughExports();
    const require = createRequire(import.meta.url);
    const file = require.resolve("@remix-run/router");
    const loaded = require.cache[file];
    delete require.cache[file];
    try {
      const router = require(file) as typeof import("@remix-run/router");
      const asked: string[] = [];
      const original = router.matchRoutes;
      (router as { matchRoutes: typeof matchRoutes }).matchRoutes = (routes, location, basename) => {
        asked.push(typeof location === "string" ? location : (location.pathname ?? ""));
        return original(routes, location, basename);
      };
      const handler = router.createStaticHandler([{ id: "root", path: "/", loader: () => "hallo" }]);
      const context = await handler.query(new Request("http://localhost/"));
      expect(asked).toEqual(["/"]);
      expect((context as { loaderData: unknown }).loaderData).toEqual({ root: "hallo" });
    } finally {
      if (loaded) require.cache[file] = loaded;
    }
  });
});

describe("the data routes of React's static router", () => {
  const mapRouteProperties = (route: Route) => ({ hasErrorBoundary: route.id === "root" });

  it("are made once per route tree, and every caller's manifest lists them", () => {
    const convert = cachedDataRoutes(UNSAFE_convertRoutesToDataRoutes as never);
    const routes = tree();
    const expectedManifest: Record<string, unknown> = {};
    const expected = UNSAFE_convertRoutesToDataRoutes(routes, mapRouteProperties as never, undefined, expectedManifest as never);
    const firstManifest = {};
    const first = convert(routes, mapRouteProperties, undefined, firstManifest);
    const secondManifest = {};
    const second = convert(routes, mapRouteProperties, undefined, secondManifest);
    expect(second).toBe(first);
    expect(first).toEqual(expected);
    expect(Object.keys(secondManifest).sort()).toEqual(Object.keys(expectedManifest).sort());
    expect(convert(tree(), mapRouteProperties)).not.toBe(first);
  });
});

describe("a loader's Request", () => {
  // Remix's own response helpers, as the server passes them.
  const responses = createRequire(import.meta.url)("@remix-run/server-runtime/dist/responses.js") as Parameters<typeof loaderWithoutCopies>[1];
  const remixCopies = async (args: { request: Request; loader: (args: { request: Request }) => unknown }) => {
    const url = new URL(args.request.url);
    url.searchParams.delete("index");
    url.searchParams.delete("_data");
    return args.loader({ request: new Request(url) });
  };
  const call = (url: string, loader: (args: { request: Request }) => unknown) =>
    loaderWithoutCopies(remixCopies as never, responses)({ request: new Request(url), loader, loadContext: {}, params: {}, routeId: "routes/x" } as never);

  it("is the page's own when there is no query string to strip", async () => {
    let seen: Request | undefined;
    const page = "http://localhost/teams/samen-oost";
    const response = (await loaderWithoutCopies(remixCopies as never, responses)({
      request: new Request(page),
      loader: ({ request }) => ((seen = request), { team: "samen-oost" }),
      loadContext: {},
      params: {},
      routeId: "routes/x",
    })) as Response;
    expect(seen?.url).toBe(page);
    expect(await response.json()).toEqual({ team: "samen-oost" });
  });

  it("is Remix's copy without index and _data when there is a query string", async () => {
    let seen = "";
    await call("http://localhost/teams?index&_data=routes%2Fteams&q=1", ({ request }) => ((seen = request.url), null));
    expect(seen).toBe("http://localhost/teams?q=1");
  });

  it("still refuses a loader that returns nothing", async () => {
    await expect(call("http://localhost/teams", () => undefined)).rejects.toThrow(/didn't return anything/);
  });
});
