import { sql } from "kysely";
import { containsLexical, filesForRoute, gzipBytes, measuredPages, readManifest } from "./bundle-sizes";

// Budgets of DESIGN.md §7, measured and printed (not asserted by timing tests).
const READING_BUDGET_KB = 120;
const ROUTE_BUDGET_P95_MS = 50;
const RATIO_BUDGET = 3;
const WARM_UP = 20;
const RUNS = 200;
const BASE = "http://localhost:3000";

function printJsSizes() {
  const manifest = readManifest();
  console.log("JavaScript sent to the browser per page (gzip, including the lazily loaded editor):\n");
  for (const page of measuredPages) {
    const files = filesForRoute(manifest, page.route);
    const kb = gzipBytes(files) / 1024;
    const lexical = containsLexical(files) ? "with Lexical" : "no Lexical";
    const budget = page.reading ? `  (budget ${READING_BUDGET_KB} KB: ${kb <= READING_BUDGET_KB ? "within" : "OVER"})` : "";
    console.log(`  ${page.label.padEnd(32)} ${kb.toFixed(1).padStart(7)} KB  ${lexical}${budget}`);
  }
}

type Timing = { p50: number; p95: number };

async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

type LoaderFn = (args: { request: Request; params: Record<string, string>; context: any }) => unknown;

/** Calls a loader as Remix does and fails on anything but a 200 (a redirect to /login means the cookie is wrong). */
async function callLoader(loader: LoaderFn, path: string, cookie: string, params: Record<string, string>) {
  let result: unknown;
  try {
    result = await loader({ request: new Request(BASE + path, { headers: { Cookie: cookie } }), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) throw new Error(`${path} answered ${thrown.status} ${thrown.headers.get("Location") ?? ""}`);
    throw thrown;
  }
  if (result instanceof Response) {
    if (result.status !== 200) throw new Error(`${path} answered ${result.status}`);
    await result.text(); // the JSON serialisation is part of the server time
  }
}

/** Server time of route loaders beside their bare SQL, on the database of DATABASE_URL (see `npm run data:generate`). */
async function benchRoutes() {
  // Imported only here: the database module connects on first use, and the JS sizes need no database.
  const { db, migrateToLatest } = await import("../db/db.server");
  const { startSession } = await import("../app/auth/session.server");
  await migrateToLatest();

  const team = await db()
    .selectFrom("coalition")
    .leftJoin("reflection", "reflection.coalition_id", "coalition.id")
    .groupBy(["coalition.id", "coalition.slug"])
    .select(["coalition.id", "coalition.slug"])
    .orderBy(sql`count(reflection.id)`, "desc")
    .executeTakeFirst();
  const funder = await db().selectFrom("person").where("account_role", "=", "funder").select("id").orderBy("email").executeTakeFirst();
  if (!team || !funder) {
    console.log("\nNo data to measure routes on: run `npm run data:generate` first.");
    return;
  }
  // A plain member (not a facilitator) of the team with the most reflections, with all their memberships.
  const member = await db()
    .selectFrom("membership")
    .where("coalition_id", "=", team.id)
    .where("role", "=", "member")
    .select("person_id as id")
    .orderBy("person_id")
    .executeTakeFirstOrThrow();
  const memberTeams = (
    await db().selectFrom("membership").where("person_id", "=", member.id).select("coalition_id").execute()
  ).map((m) => m.coalition_id);
  const cookieFor = async (personId: string) => (await startSession(personId, new Request(BASE))).split(";")[0];
  const memberCookie = await cookieFor(member.id);
  const funderCookie = await cookieFor(funder.id);

  const teamHome = await import("../app/routes/teams.$team._index");
  const reflections = await import("../app/routes/teams.$team.reflections._index");
  const programme = await import("../app/routes/programme._index");
  const network = await import("../app/routes/network._index");
  const networkSearch = await import("../app/routes/network.search");
  const programmeThemes = await import("../app/routes/programme.themes");
  const programmeCompare = await import("../app/routes/programme.compare");

  // readableBy (DESIGN.md §3) for the member, written out.
  const readable = sql`(r.author_id = ${member.id}
    or (r.visibility = 'team' and r.coalition_id in (${sql.join(memberTeams)}))
    or r.visibility = 'network')`;
  const reflectionPage = (search?: string) =>
    sql`select r.id, r.title, to_char(r.happened_on, 'YYYY-MM-DD') as happened_on, r.visibility, r.author_id,
          p.name, left(r.body_text, 240) as excerpt, count(*) over () as total
        from reflection r join person p on p.id = r.author_id
        where r.coalition_id = ${team.id} and r.deleted_at is null and ${readable}
          ${search ? sql`and r.search @@ websearch_to_tsquery('dutch', ${search})` : sql``}
        order by r.happened_on desc, r.created_at desc limit 20`;

  const cases = [
    {
      label: `/teams/${team.slug}`,
      who: "member",
      route: () => callLoader(teamHome.loader as LoaderFn, `/teams/${team.slug}`, memberCookie, { team: team.slug }),
      bareLabel: "8 latest readable reflections",
      bare: sql`select r.id, r.title, r.visibility, r.created_at, p.name
        from reflection r join person p on p.id = r.author_id
        where r.coalition_id = ${team.id} and r.deleted_at is null and ${readable}
        order by r.created_at desc limit 8`,
    },
    {
      label: `/teams/${team.slug}/reflections`,
      who: "member",
      route: () =>
        callLoader(reflections.loader as LoaderFn, `/teams/${team.slug}/reflections`, memberCookie, { team: team.slug }),
      bareLabel: "first page of the log",
      bare: reflectionPage(),
    },
    {
      label: `/teams/${team.slug}/reflections?q=samenwerking`,
      who: "member",
      route: () =>
        callLoader(reflections.loader as LoaderFn, `/teams/${team.slug}/reflections?q=samenwerking`, memberCookie, {
          team: team.slug,
        }),
      bareLabel: "first page of the search",
      bare: reflectionPage("samenwerking"),
    },
    {
      label: "/programme",
      who: "funder",
      route: () => callLoader(programme.loader as LoaderFn, "/programme", funderCookie, {}),
      bareLabel: "coalitions with member counts",
      bare: sql`select c.id, c.slug, c.name, c.place, count(p.id) filter (where p.deactivated_at is null) as members
        from coalition c left join membership m on m.coalition_id = c.id left join person p on p.id = m.person_id
        group by c.id order by c.name`,
    },
    {
      label: "/network",
      who: "funder",
      route: () => callLoader(network.loader as LoaderFn, "/network", funderCookie, {}),
      bareLabel: "20 newest network reflections",
      bare: sql`select r.id, r.title, r.happened_on, c.name, p.name from reflection r
        join coalition c on c.id = r.coalition_id join person p on p.id = r.author_id
        where r.visibility = 'network' and r.deleted_at is null order by r.created_at desc limit 20`,
    },
    {
      label: "/network/search?q=samenwerking",
      who: "funder",
      route: () => callLoader(networkSearch.loader as LoaderFn, "/network/search?q=samenwerking", funderCookie, {}),
      bareLabel: "20 best-ranked network reflections",
      bare: sql`select r.id, r.title, ts_rank(r.search, q) as rank from reflection r,
          websearch_to_tsquery('dutch', 'samenwerking') q
        where r.visibility = 'network' and r.deleted_at is null and r.search @@ q order by rank desc limit 20`,
    },
    {
      label: "/programme/themes",
      who: "funder",
      route: () => callLoader(programmeThemes.loader as LoaderFn, "/programme/themes", funderCookie, {}),
      bareLabel: "lessons per theme and coalition",
      bare: sql`select lt.theme_id, l.coalition_id, count(*), count(*) filter (where l.visibility = 'network')
        from lesson l join lesson_theme lt on lt.lesson_id = l.id where l.deleted_at is null
        group by lt.theme_id, l.coalition_id`,
    },
    {
      label: "/programme/compare?theme=vertrouwen",
      who: "funder",
      route: () => callLoader(programmeCompare.loader as LoaderFn, "/programme/compare?theme=vertrouwen", funderCookie, {}),
      bareLabel: "the theme's network lessons",
      bare: sql`select l.id, l.statement, l.coalition_id from lesson l
        join lesson_theme lt on lt.lesson_id = l.id join theme t on t.id = lt.theme_id
        where t.slug = 'vertrouwen' and l.visibility = 'network' and l.deleted_at is null order by l.created_at desc`,
    },
  ];

  const counts = await sql<{ reflections: string; lessons: string; sessions: string; milestones: string }>`
    select (select count(*) from reflection) as reflections, (select count(*) from lesson) as lessons,
           (select count(*) from intervision_session) as sessions, (select count(*) from milestone) as milestones`.execute(db());
  const c = counts.rows[0];
  console.log(
    `\nServer time of route loaders on PostgreSQL (${c.reflections} reflections, ${c.lessons} lessons, ${c.sessions} sessions, ${c.milestones} milestones);`,
  );
  console.log(`${WARM_UP} warm-up + ${RUNS} measured runs each; budget p95 < ${ROUTE_BUDGET_P95_MS} ms and route/bare < ${RATIO_BUDGET}×.\n`);
  console.log(
    `  ${"route".padEnd(48)} ${"as".padEnd(7)} ${"p50".padStart(7)} ${"p95".padStart(7)}   ${"bare p50".padStart(8)} ${"bare p95".padStart(8)}  ${"ratio p50/p95".padStart(13)}`,
  );
  for (const item of cases) {
    const route = await time(item.route);
    const bare = await time(() => item.bare.execute(db()));
    const ratio = `${(route.p50 / bare.p50).toFixed(1)}×/${(route.p95 / bare.p95).toFixed(1)}×`;
    const over = route.p95 >= ROUTE_BUDGET_P95_MS ? "  OVER budget" : "";
    console.log(
      `  ${item.label.padEnd(48)} ${item.who.padEnd(7)} ${route.p50.toFixed(1).padStart(7)} ${route.p95.toFixed(1).padStart(7)}   ${bare.p50.toFixed(1).padStart(8)} ${bare.p95.toFixed(1).padStart(8)}  ${ratio.padStart(13)}${over}`,
    );
    console.log(`  ${"".padEnd(48)} bare SQL: ${item.bareLabel}`);
  }
  await db().destroy();
}

printJsSizes();
if (process.env.DATABASE_URL) {
  await benchRoutes();
} else {
  console.log("\nRoute timings need real PostgreSQL: set DATABASE_URL (and run `npm run data:generate` on it first).");
}
