import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { areaOf, areas, type Area } from "../app/i18n/areas";
import { nl } from "../app/i18n/nl";

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

/** The files `url` imports: at once, or also those it imports lazily with `import()`. */
function importsOf(url: string, lazy: boolean): string[] {
  const source = readFileSync(path.join(publicDir, url), "utf8");
  const pattern = lazy
    ? /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g
    : /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g;
  const found = [...source.matchAll(pattern)].map((m) => m[1]);
  return found.map((spec) => (spec.startsWith("/") ? spec : path.posix.join(path.posix.dirname(url), spec)));
}

/**
 * Every JavaScript file a page loads, following imports from its modules: with `lazy`, also what it may
 * import later (the editor, once a rich-text field is on the page). The strings are added apart: a browser
 * loads one language, and of it the base strings and the areas the page shows (dutchStringsFor).
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
    if (seen.has(url) || stringChunk.test(url)) continue;
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
      const code = editing ? all : filesForRoute(manifest, route, false);
      return { route, kb: gzipBytes([...code, ...dutchStringsFor(manifest, route)]) / 1024, editing };
    })
    .sort((a, b) => b.kb - a.kb);
}

export function gzipBytes(files: string[]): number {
  return files.reduce((sum, url) => sum + gzipSync(readFileSync(path.join(publicDir, url))).length, 0);
}

export function containsLexical(files: string[]): boolean {
  return files.some((url) => /lexical/i.test(readFileSync(path.join(publicDir, url), "utf8")));
}

// The string chunks: one per dictionary file and language (base.ts and the areas of app/i18n/areas.ts). An
// area's file is named after its export: dataExport is data-export.ts.
const fileOf = (area: Area) => area.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const stringChunk = new RegExp(`/(${["base", ...areas.map(fileOf)].join("|")})-[A-Z0-9]+\\.js$`);

/** The built chunk of a Dutch dictionary file: the one of its two (nl, en) holding `key`'s Dutch string. */
function dutchChunk(file: string, key: keyof typeof nl): string {
  const marker = `${JSON.stringify(key)}:${JSON.stringify(nl[key])}`;
  const dir = path.join(publicDir, "build", "_shared");
  const found = readdirSync(dir)
    .filter((name) => name.startsWith(`${file}-`) && stringChunk.test(`/${name}`))
    .find((name) => readFileSync(path.join(dir, name), "utf8").includes(marker));
  if (!found) throw new Error(`No Dutch chunk for ${file} in the build`);
  return `/build/_shared/${found}`;
}

function firstKeyOf(area: Area): keyof typeof nl {
  return (Object.keys(nl) as (keyof typeof nl)[]).find((key) => areaOf(key) === area)!;
}

/** The source files a route's module reaches through its imports (server files too: their messages reach the page). */
function sourcesOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || file.includes("/app/i18n/")) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, spec] of source.matchAll(/^import (?!type )[^;]*?from "([^"]+)"/gms)) {
    const base = spec.startsWith("~/") ? path.resolve("app", spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
    const found = base && [".ts", ".tsx", "/index.ts", ""].map((ext) => base + ext).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (found) sourcesOf(found, seen);
  }
  return seen;
}

/** The Dutch strings a page may show: the base, and every area whose keys its code (or its parents') names. */
function dutchStringsFor(manifest: Manifest, routeId: string): string[] {
  const used = new Set<Area>();
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    for (const file of sourcesOf(path.resolve("app", `${id}.tsx`))) {
      const source = readFileSync(file, "utf8");
      const named = [...source.matchAll(/["`]([a-zA-Z]+\.[\w.]+)["`]/g)].map((m) => m[1]).filter((key) => key in nl);
      const prefixes = [...source.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g)].map((m) => m[1]);
      for (const key of [...named, ...Object.keys(nl).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)))]) {
        const area = areaOf(key);
        if (area) used.add(area);
      }
    }
  }
  return [dutchChunk("base", "login.title"), ...[...used].map((area) => dutchChunk(fileOf(area), firstKeyOf(area)))];
}
