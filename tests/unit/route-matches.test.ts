import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { cachedMatchRoutes } from "../../app/route-matches.server";

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
