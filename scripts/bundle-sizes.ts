import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// What a browser downloads for a page: the entry, the root route and the page's route, each with the
// chunks they import — statically, or (for the editor) lazily once the page has loaded.

type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
};

const publicDir = path.resolve("public");

export function readManifest(): Manifest {
  const dir = path.join(publicDir, "build");
  const file = readdirSync(dir).find((name) => name.startsWith("manifest-") && name.endsWith(".js"));
  if (!file) throw new Error("No build found: run `npm run build` first.");
  const source = readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as Manifest;
}

// A browser loads the strings of one language only (the Dutch ones are counted); the English chunk is the alternative.
const otherLanguage = /\/en-[A-Z0-9]+\.js$/;
const dutch = /\/nl-[A-Z0-9]+\.js$/;

/** The files `url` imports: at once, or also those it imports lazily with `import()`. */
function importsOf(url: string, lazy: boolean): string[] {
  const source = readFileSync(path.join(publicDir, url), "utf8");
  const pattern = lazy
    ? /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g
    : /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g;
  const found = [...source.matchAll(pattern)].map((m) => m[1]);
  if (!lazy) found.push(...[...source.matchAll(/import\(\s*"([^"]+\.js)"/g)].map((m) => m[1]).filter((spec) => dutch.test(spec)));
  return found.map((spec) => (spec.startsWith("/") ? spec : path.posix.join(path.posix.dirname(url), spec)));
}

/**
 * Every JavaScript file a page loads, following imports from its modules: with `lazy`, also what it may
 * import later (the editor, once a rich-text field is on the page). The Dutch strings always count: the
 * browser loads them before the page comes alive.
 */
export function filesForRoute(manifest: Manifest, routeId: string, lazy = true): string[] {
  const start = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the build`);
    start.push(route.module, ...(route.imports ?? []));
  }
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url) || otherLanguage.test(url)) continue;
    seen.add(url);
    queue.push(...importsOf(url, lazy));
  }
  return [...seen].sort();
}

export type PageSize = { route: string; kb: number; editing: boolean };

/**
 * What every page of the build sends, in gzip KB. A page that can load the editor (a rich-text field is on
 * it) is an editing page and counts the editor; every other page is a reading page, whose budget it is.
 */
export function pageSizes(manifest: Manifest): PageSize[] {
  return Object.keys(manifest.routes)
    .filter((id) => id !== "root" && !manifest.routes[id].module.includes("[."))
    .map((route) => {
      const all = filesForRoute(manifest, route, true);
      const editing = containsLexical(all);
      return { route, kb: gzipBytes(editing ? all : filesForRoute(manifest, route, false)) / 1024, editing };
    })
    .sort((a, b) => b.kb - a.kb);
}

export function gzipBytes(files: string[]): number {
  return files.reduce((sum, url) => sum + gzipSync(readFileSync(path.join(publicDir, url))).length, 0);
}

export function containsLexical(files: string[]): boolean {
  return files.some((url) => /lexical/i.test(readFileSync(path.join(publicDir, url), "utf8")));
}
