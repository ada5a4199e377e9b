import { createRequire } from "node:module";
import path from "node:path";

// Remix 2 matches the URL against the whole route tree four to five times per page (the request handler, the
// React router, the partial manifest of the parent paths), each time flattening and ranking ~90 routes and
// compiling a regular expression per route tried; and it rebuilds the React side of the route tree for every
// render. Both are the same for every request of a build: measured with `node --cpu-prof`, about a quarter of
// the server's time on a light page. Remix reads these functions from its modules' exports at call time, so
// they are wrapped here with caches, without changing what they return. The same holds for the few other
// per-request copies below (data routes, each loader's Request).

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Params = Record<string, string | undefined>;
type Match = { params: Params; pathname: string; pathnameBase: string; route: Route };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type PerManifest<T> = (manifestRoutes: object, ...rest: unknown[]) => T;
type CreateServerRoutes = PerManifest<Route[]>;
type ConvertRoutes = (routes: Route[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, Route>) => Route[];

/** A route tree's matching-relevant shape (ids, paths, order) and its routes by id. */
type Shape = { key: string; byId: Map<string, Route> };
type Found = { id: string; params: Params; pathname: string; pathnameBase: string }[] | null;

const MATCHES_PER_SHAPE = 1000;
const shapes = new WeakMap<Route[], Shape | null>();
const matchesByShape = new Map<string, Map<string, Found>>();

/** Null when a route has no id (then the routes' identities cannot be carried over, and nothing is cached). */
function shapeOf(routes: Route[]): Shape | null {
  if (shapes.has(routes)) return shapes.get(routes)!;
  const byId = new Map<string, Route>();
  const keyOf = (list: Route[]): string | null => {
    let key = "";
    for (const route of list) {
      if (!route.id || byId.has(route.id)) return null;
      byId.set(route.id, route);
      const children = route.children?.length ? keyOf(route.children) : "";
      if (children === null) return null;
      key += `${route.id}|${route.path ?? ""}|${route.index ? 1 : 0}|${route.caseSensitive ? 1 : 0}[${children}]`;
    }
    return key;
  };
  const key = keyOf(routes);
  const shape = key === null ? null : { key, byId };
  shapes.set(routes, shape);
  return shape;
}

/**
 * Matching depends only on the tree's shape and the path, so a result found for one copy of the tree (Remix
 * makes new copies per request) holds for every copy: cached by shape and path, handed out with that copy's
 * route objects and fresh params.
 */
export function cachedMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  return (routes, location, basename) => {
    const shape = shapeOf(routes);
    if (!shape) return matchRoutes(routes, location, basename);
    const path = typeof location === "string" ? location : (location.pathname ?? "/");
    const key = `${basename ?? "/"} ${path}`;
    let cache = matchesByShape.get(shape.key);
    if (!cache) matchesByShape.set(shape.key, (cache = new Map()));
    let found = cache.get(key);
    if (found === undefined) {
      const matches = matchRoutes(routes, location, basename);
      found = matches && matches.map((m) => ({ id: m.route.id!, params: { ...m.params }, pathname: m.pathname, pathnameBase: m.pathnameBase }));
      // Paths carry ids, so the cache is bounded: when full it starts again.
      if (cache.size >= MATCHES_PER_SHAPE) cache.clear();
      cache.set(key, found);
      return matches;
    }
    return found && found.map((m) => ({ params: { ...m.params }, pathname: m.pathname, pathnameBase: m.pathnameBase, route: shape.byId.get(m.id)! }));
  };
}

/** The React side of the route tree (and the route modules by id) is built from the build's manifest alone: once per manifest. */
export function cachedServerRoutes<T = Route[]>(createServerRoutes: PerManifest<T>): PerManifest<T> {
  const built = new WeakMap<object, T>();
  return (manifestRoutes, ...rest) => {
    let routes = built.get(manifestRoutes);
    if (!routes) {
      routes = createServerRoutes(manifestRoutes, ...rest);
      built.set(manifestRoutes, routes);
    }
    return routes;
  };
}

/**
 * React Router's static router turns the (cached) server routes into data routes on every render; the result
 * depends on the routes alone, so it is made once per route tree and its routes are listed in the caller's manifest.
 */
export function cachedDataRoutes(convert: ConvertRoutes): ConvertRoutes {
  const converted = new WeakMap<Route[], { mapper: unknown; routes: Route[]; manifest: Record<string, Route> }>();
  return (routes, mapRouteProperties, parentPath, manifest) => {
    if (parentPath !== undefined) return convert(routes, mapRouteProperties, parentPath, manifest);
    let done = converted.get(routes);
    if (!done || done.mapper !== mapRouteProperties) {
      const built: Record<string, Route> = {};
      done = { mapper: mapRouteProperties, routes: convert(routes, mapRouteProperties, undefined, built), manifest: built };
      converted.set(routes, done);
    }
    if (manifest) Object.assign(manifest, done.manifest);
    return done.routes;
  };
}

/**
 * The router's static handler (Remix's request handler for every page) calls its own matchRoutes directly, not
 * through its exports, so the cache above would not see it. Installed before the router is first loaded, this
 * rewrites those two calls to go through the exports. Should a new router version word them differently, the
 * page is matched uncached (slower, never wrong).
 */
export function matchThroughExports(): void {
  const holder = globalThis as typeof globalThis & { [HOOK]?: boolean };
  if (holder[HOOK]) return;
  holder[HOOK] = true;
  const require = createRequire(import.meta.url);
  const Module = require("node:module") as { prototype: { _compile(content: string, filename: string): unknown } };
  const compile = Module.prototype._compile;
  const file = path.join("@remix-run", "router", "dist", "router.cjs.js");
  const call = "let matches = matchRoutes(dataRoutes, location, basename);";
  Module.prototype._compile = function (content, filename) {
    if (filename.endsWith(file)) {
      if (content.includes(call)) content = content.replaceAll(call, "let matches = exports.matchRoutes(dataRoutes, location, basename);");
      else console.warn(`[routes] ${filename}: the static handler's matchRoutes call was not found; pages are matched uncached`);
    }
    return compile.call(this, content, filename);
  };
}

type LoaderArgs = {
  loadContext: unknown;
  loader: (args: { request: Request; context: unknown; params: Params }) => unknown;
  params: Params;
  request: Request;
  routeId: string;
  singleFetch?: boolean;
};
type Responses = {
  isDeferredData(value: unknown): value is { init?: ResponseInit };
  isRedirectStatusCode(status: number): boolean;
  isResponse(value: unknown): value is Response;
  json(value: unknown): Response;
  redirect(url: string, init?: ResponseInit): Response;
};

/**
 * Remix hands each loader a copy of the page's Request without its `index` and `_data` search parameters: two
 * new URLs and two new Requests (each with its own abort signal) per loader. A page request without a query
 * string has nothing to remove, so its loaders get the page's Request itself. The rest is Remix's own code.
 */
export function loaderWithoutCopies(callRouteLoader: (args: LoaderArgs) => Promise<unknown>, responses: Responses) {
  return async (args: LoaderArgs): Promise<unknown> => {
    const { request } = args;
    if (request.body || request.url.includes("?")) return callRouteLoader(args);
    const result = await args.loader({ request, context: args.loadContext, params: args.params });
    if (result === undefined) {
      throw new Error(`You defined a loader for route "${args.routeId}" but didn't return anything from your \`loader\` function. Please return a value or \`null\`.`);
    }
    if (responses.isDeferredData(result)) {
      if (result.init && responses.isRedirectStatusCode(result.init.status || 200)) {
        return responses.redirect(new Headers(result.init.headers).get("Location")!, result.init);
      }
      return result;
    }
    if (args.singleFetch) return result;
    return responses.isResponse(result) ? result : responses.json(result);
  };
}

const HOOK = Symbol.for("leernetwerk.routeMatchesThroughExports");
const KEY = Symbol.for("leernetwerk.routeMatchesCached");

export function cacheRouteMatching(): void {
  const holder = globalThis as typeof globalThis & { [KEY]?: boolean };
  if (holder[KEY]) return;
  holder[KEY] = true;
  const require = createRequire(import.meta.url);
  const router = require("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = cachedMatchRoutes(router.matchRoutes);
  const reactRoutes = require("@remix-run/react/dist/routes.js") as { createServerRoutes: CreateServerRoutes };
  reactRoutes.createServerRoutes = cachedServerRoutes(reactRoutes.createServerRoutes);
  const dataRouter = router as unknown as { UNSAFE_convertRoutesToDataRoutes: ConvertRoutes };
  dataRouter.UNSAFE_convertRoutesToDataRoutes = cachedDataRoutes(dataRouter.UNSAFE_convertRoutesToDataRoutes);
  const entry = require("@remix-run/server-runtime/dist/entry.js") as { createEntryRouteModules: PerManifest<object> };
  entry.createEntryRouteModules = cachedServerRoutes(entry.createEntryRouteModules);
  const data = require("@remix-run/server-runtime/dist/data.js") as { callRouteLoader: (args: LoaderArgs) => Promise<unknown> };
  data.callRouteLoader = loaderWithoutCopies(data.callRouteLoader, require("@remix-run/server-runtime/dist/responses.js") as Responses);
}
