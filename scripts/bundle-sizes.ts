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

function importsOf(url: string): string[] {
  const source = readFileSync(path.join(publicDir, url), "utf8");
  const found = [...source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g)].map((m) => m[1]);
  return found.map((spec) => (spec.startsWith("/") ? spec : path.posix.join(path.posix.dirname(url), spec)));
}

// A browser loads the strings of one language only (the Dutch ones are counted); the English chunk is the alternative.
const otherLanguage = /\/en-[A-Z0-9]+\.js$/;

/** Every JavaScript file a page loads, following imports (static and dynamic) from its modules. */
export function filesForRoute(manifest: Manifest, routeId: string): string[] {
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
    queue.push(...importsOf(url));
  }
  return [...seen].sort();
}

export function gzipBytes(files: string[]): number {
  return files.reduce((sum, url) => sum + gzipSync(readFileSync(path.join(publicDir, url))).length, 0);
}

export function containsLexical(files: string[]): boolean {
  return files.some((url) => /lexical/i.test(readFileSync(path.join(publicDir, url), "utf8")));
}

/** The pages whose size DESIGN.md §7 budgets: reading pages (no editor) and an editing page. */
export const measuredPages: { label: string; route: string; reading: boolean }[] = [
  { label: "reading: a reflection", route: "routes/teams.$team.reflections.$id._index", reading: true },
  { label: "reading: the reflection log", route: "routes/teams.$team.reflections._index", reading: true },
  { label: "reading: a team's home", route: "routes/teams.$team._index", reading: true },
  { label: "reading: a lesson", route: "routes/teams.$team.lessons.$id._index", reading: true },
  { label: "reading: a milestone", route: "routes/teams.$team.milestones.$id._index", reading: true },
  { label: "editing: new reflection", route: "routes/teams.$team.reflections.new", reading: false },
  { label: "editing: edit a reflection", route: "routes/teams.$team.reflections.$id.edit", reading: false },
];
