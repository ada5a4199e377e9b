import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { pageSizes, readManifest } from "./bundle-sizes";
import { printLighthouse } from "./lighthouse";

// Budgets of DESIGN.md §7, measured and printed (not asserted by timing tests).
const READING_BUDGET_KB = 120;
const ROUTE_BUDGET_P95_MS = 50;
const RATIO_BUDGET = 3;
const WARM_UP = 20;
const RUNS = 200;
const BASE = "http://localhost:3000";

function printJsSizes() {
  const pages = pageSizes(readManifest());
  const reading = pages.filter((page) => !page.editing);
  const over = reading.filter((page) => page.kb > READING_BUDGET_KB);
  console.log(`JavaScript sent to the browser per page (gzip). Reading pages (${reading.length}, budget ${READING_BUDGET_KB} KB each):\n`);
  for (const page of reading) console.log(`  ${page.route.padEnd(56)} ${page.kb.toFixed(1).padStart(7)} KB${page.kb > READING_BUDGET_KB ? "  OVER" : ""}`);
  console.log(`\n  ${over.length === 0 ? "all within" : `${over.length} OVER`} the budget; the largest is ${reading[0]?.kb.toFixed(1)} KB.\n`);
  console.log("Editing pages (the editor loads once a rich-text field is on the page):\n");
  for (const page of pages.filter((p) => p.editing)) console.log(`  ${page.route.padEnd(56)} ${page.kb.toFixed(1).padStart(7)} KB`);
  console.log();
}

type Timing = { p50: number; p95: number };

/**
 * Times a route and its bare SQL run by run in turn, so that whatever else the machine is doing slows
 * both alike and the ratio stays a comparison of like with like.
 */
async function timeBoth(route: () => Promise<unknown>, bare: () => Promise<unknown>): Promise<{ route: Timing; bare: Timing }> {
  for (let i = 0; i < WARM_UP; i++) {
    await route();
    await bare();
  }
  const samples = { route: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, run] of [["route", route], ["bare", bare]] as const) {
      const start = performance.now();
      await run();
      samples[name].push(performance.now() - start);
    }
  }
  return { route: percentiles(samples.route), bare: percentiles(samples.bare) };
}

function percentiles(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

/** Counts the statements the database answered (transformQuery would also see every subquery). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

const SIGN_IN = "sign-in lookup (2)";

type BenchCase = {
  label: string;
  who: string;
  route: () => Promise<unknown>;
  bareLabel: string;
  /** The statements the route runs, as one raw query or as a function running several. */
  bare: RawBuilder<unknown> | (() => Promise<unknown>);
};

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
  const { db, migrateToLatest, useDatabase } = await import("../db/db.server");
  const { todayInAmsterdam } = await import("../app/i18n/dates");
  const { startSession } = await import("../app/auth/session.server");
  await migrateToLatest();
  // Every statement sent through db() passes this plugin: each case prints how many its route and its
  // bare SQL send, so that a bare SQL that leaves out part of the route's work shows.
  const counter = new StatementCounter();
  const counted = db().withPlugin(counter);
  useDatabase(counted);
  const countStatements = async (run: () => Promise<unknown>) => {
    counter.count = 0;
    await run();
    return counter.count;
  };

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

  const teamFrame = await import("../app/routes/teams.$team");
  const teamHome = await import("../app/routes/teams.$team._index");
  const reflections = await import("../app/routes/teams.$team.reflections._index");
  const programme = await import("../app/routes/programme._index");
  const network = await import("../app/routes/network._index");
  const networkSearch = await import("../app/routes/network.search");
  const programmeThemes = await import("../app/routes/programme.themes");
  const programmeCompare = await import("../app/routes/programme.compare");

  // The bare SQL of a case is the statements its route runs, written out, in the same order: one after the
  // other where the route waits for an answer, side by side where the route runs them in parallel. So the
  // ratio route/bare is what Remix, Kysely and the domain code add on top of the same database work.
  const run = (query: RawBuilder<unknown>) => query.execute(db());
  const idsOf = (result: QueryResult<unknown>, kind?: string) =>
    (result.rows as { id: string; kind?: string }[]).filter((r) => !kind || r.kind === kind).map((r) => r.id);

  // Every request starts with the sign-in lookup (requireUser): the session and the person, then their memberships.
  const { sessionTokenOf } = await import("../app/auth/session.server");
  const { hashToken } = await import("../app/auth/tokens.server");
  const sessionHash = async (cookie: string) => hashToken((await sessionTokenOf(new Request(BASE, { headers: { Cookie: cookie } })))!);
  const memberHash = await sessionHash(memberCookie);
  const funderHash = await sessionHash(funderCookie);
  const signIn = async (hash: string) => {
    const person = await run(sql`select p.id, p.email, p.name, p.language, p.account_role
      from auth_session s join person p on p.id = s.person_id
      where s.id_hash = ${hash} and s.expires_at > now() and p.deactivated_at is null`);
    const { id } = person.rows[0] as { id: string };
    await run(sql`select c.id, c.slug, c.name, m.role from membership m join coalition c on c.id = m.coalition_id
      where m.person_id = ${id} order by c.name`);
  };
  const findTeam = () => run(sql`select id, slug, name, place, description from coalition where slug = ${team.slug}`);
  const listThemes = () => run(sql`select id, slug, name_nl, name_en from theme where archived_at is null order by position`);
  // As the domain's themesOf: one query per kind of item on the page, none when the page has none of that kind.
  const themesOf = async (kind: "reflection" | "lesson", ids: string[]) => {
    if (ids.length === 0) return;
    await (kind === "reflection"
      ? run(sql`select rt.reflection_id, t.slug, t.name_nl, t.name_en from reflection_theme rt join theme t on t.id = rt.theme_id
          where rt.reflection_id in (${sql.join(ids)}) order by t.position`)
      : run(sql`select lt.lesson_id, t.slug, t.name_nl, t.name_en from lesson_theme lt join theme t on t.id = lt.theme_id
          where lt.lesson_id in (${sql.join(ids)}) order by t.position`));
  };

  // readableBy (DESIGN.md §3) for the member, written out; milestoneReadableBy likewise.
  const readable = (table: string) => sql`(${sql.ref(`${table}.author_id`)} = ${member.id}
    or (${sql.ref(`${table}.visibility`)} = 'team' and ${sql.ref(`${table}.coalition_id`)} in (${sql.join(memberTeams)}))
    or ${sql.ref(`${table}.visibility`)} = 'network')`;
  const milestoneReadable = sql`(m.coalition_id in (${sql.join(memberTeams)}) or m.visibility = 'network')`;
  const today = todayInAmsterdam();

  const teamHomeBare = async () => {
    await signIn(memberHash);
    await findTeam();
    await Promise.all([
      run(sql`select id, name, kind from organisation where coalition_id = ${team.id} order by position, name`),
      run(sql`select p.id, p.name, ms.role, ms.perspective, o.name as organisation from membership ms
        join person p on p.id = ms.person_id left join organisation o on o.id = ms.organisation_id
        where ms.coalition_id = ${team.id} and p.deactivated_at is null order by p.name`),
      run(sql`select r.id, r.title, to_char(r.happened_on, 'YYYY-MM-DD'), r.visibility, r.created_at, p.name
        from reflection r join person p on p.id = r.author_id
        where r.coalition_id = ${team.id} and r.deleted_at is null and ${readable("r")}
        order by r.created_at desc limit 8`),
      run(sql`select l.id, l.statement, l.visibility, p.name, l.created_at from lesson l join person p on p.id = l.author_id
        where l.coalition_id = ${team.id} and l.deleted_at is null and ${readable("l")}
        order by l.created_at desc, l.id desc limit 8`),
      run(sql`select m.id, m.title, c.from_status, c.to_status, c.reason, c.changed_at, p.name
        from milestone m join milestone_status_change c on c.milestone_id = m.id join person p on p.id = c.changed_by
        where m.coalition_id = ${team.id} and m.deleted_at is null and ${milestoneReadable}
        order by c.changed_at desc limit 8`),
      run(sql`select (count(*) filter (where m.status = 'achieved'))::int, (count(*) filter (where m.status = 'in_progress'))::int,
          (count(*) filter (where m.target_date < ${today}::date and m.status in ('planned', 'in_progress', 'adjusted')))::int, count(*)::int
        from milestone m where m.coalition_id = ${team.id} and m.deleted_at is null and ${milestoneReadable}`),
      run(sql`select id from reflection where coalition_id = ${team.id} and author_id = ${member.id} limit 1`),
      openActionsBare(),
      run(sql`select value from installation_setting where name = 'demo_programme'`),
    ]);
  };

  const openActionsBare = () =>
    run(sql`select a.id, a.what, to_char(a.due_on, 'YYYY-MM-DD'), s.id, s.coalition_id, s.facilitator_id, i.rsvp
      from session_action a join intervision_session s on s.id = a.session_id
      left join session_invitee i on i.session_id = s.id and i.person_id = ${member.id}
      where a.owner_id = ${member.id} and a.done_at is null and s.coalition_id = ${team.id}
      order by a.due_on nulls last, a.created_at`);

  // The coalition's frame (teams.$team.tsx) around every coalition page: what waits for the person.
  const teamFrameBare = async () => {
    await signIn(memberHash);
    await findTeam();
    await Promise.all([
      run(sql`select s.id, s.title, s.status, s.starts_at, i.rsvp, coalesce(s.case_bringer_id = ${member.id}, false),
          s.facilitator_id = ${member.id}
        from intervision_session s
        left join session_invitee i on i.session_id = s.id and i.person_id = ${member.id}
        where s.coalition_id = ${team.id} and (s.facilitator_id = ${member.id} or i.person_id is not null)
          and ((s.status = 'polling' and not exists (select 1 from slot_vote v join session_slot sl on sl.id = v.slot_id
                 where sl.session_id = s.id and v.person_id = ${member.id}))
            or (s.status = 'confirmed' and s.starts_at > now() and (s.facilitator_id = ${member.id} or i.rsvp <> 'no')))
        order by s.starts_at nulls first, s.created_at`),
      openActionsBare(),
    ]);
  };

  const reflectionLogBare = (search?: string) => async () => {
    const matching = sql`r.coalition_id = ${team.id} and r.deleted_at is null and ${readable("r")}
      ${search ? sql`and r.search @@ websearch_to_tsquery('dutch', ${search})` : sql``}`;
    await signIn(memberHash);
    await findTeam();
    await Promise.all([
      (async () => {
        const [page] = await Promise.all([
          run(sql`select r.id, r.title, to_char(r.happened_on, 'YYYY-MM-DD'), r.visibility, r.author_id, p.name,
              left(r.body_text, 240), (select count(*) from reflection_comment rc where rc.reflection_id = r.id and rc.deleted_at is null)
            from reflection r join person p on p.id = r.author_id where ${matching}
            order by r.happened_on desc, r.created_at desc limit 20 offset 0`),
          run(sql`select count(*) from reflection r where ${matching}`),
        ]);
        await themesOf("reflection", idsOf(page));
      })(),
      run(sql`select distinct p.id, p.name from reflection r join person p on p.id = r.author_id
        where r.coalition_id = ${team.id} and r.deleted_at is null and ${readable("r")} order by p.name`),
      listThemes(),
    ]);
  };

  // listNetwork: each kind newest first from its partial index (migration 0007), merged; the count apart.
  // networkEvents: the next and the latest past evenings, each with its registrations counted.
  const eventList = (coming: boolean) =>
    run(sql`select e.id, e.slug, e.title, e.place, e.starts_at, e.ends_at, e.audience, e.coalition_id, c.name,
        (select count(*) from event_registration r where r.event_id = e.id and r.status = 'registered')
      from event e left join coalition c on c.id = e.coalition_id
      where ${coming ? sql`e.ends_at >= now()` : sql`e.ends_at < now()`}
      order by e.starts_at ${coming ? sql`asc` : sql`desc`} limit 5`);
  const networkBare = async () => {
    await signIn(funderHash);
    await Promise.all([
      eventList(true),
      eventList(false),
      (async () => {
        const [page] = await Promise.all([
          run(sql`select * from (
              (select 'reflection' as kind, r.id, r.title, to_char(r.happened_on, 'YYYY-MM-DD') as day, r.created_at,
                 c.name, c.slug, p.name as author, ms.perspective, left(r.body_text, 240)
               from reflection r join coalition c on c.id = r.coalition_id join person p on p.id = r.author_id
               left join membership ms on ms.coalition_id = r.coalition_id and ms.person_id = r.author_id
               where r.visibility = 'network' and r.deleted_at is null
               order by r.happened_on desc, r.created_at desc, r.id desc limit 20)
              union all
              (select 'lesson', l.id, l.statement, to_char(l.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD'), l.created_at,
                 c.name, c.slug, p.name, ms.perspective, left(l.explanation_text, 240)
               from lesson l join coalition c on c.id = l.coalition_id join person p on p.id = l.author_id
               left join membership ms on ms.coalition_id = l.coalition_id and ms.person_id = l.author_id
               where l.visibility = 'network' and l.deleted_at is null
               order by l.created_at desc, l.id desc limit 20)
            ) item order by day desc, created_at desc, id desc limit 20 offset 0`),
          run(sql`select (select count(*) from reflection where visibility = 'network' and deleted_at is null),
            (select count(*) from lesson where visibility = 'network' and deleted_at is null)`),
        ]);
        await Promise.all([themesOf("reflection", idsOf(page, "reflection")), themesOf("lesson", idsOf(page, "lesson"))]);
      })(),
      run(sql`select slug, name from coalition order by name`),
      listThemes(),
    ]);
  };

  // searchNetwork: every word's beginning ('samenwerking':*), every match ranked and counted from its rank and
  // day alone; the page of 20 then joined with text, coalition and author, and only those 20 get ts_headline.
  // Beside it the filter form's coalitions and themes. A search that finds nothing then looks for a typo's
  // correction in the shared titles (pg_trgm, in a transaction for its threshold) and for alike themes.
  const networkSearchBare = (words: string) => async () => {
    const q = sql`to_tsquery('dutch', ${`'${words}':*`})`;
    await signIn(funderHash);
    await Promise.all([
      (async () => {
        const page = await run(sql`select hit.kind, hit.id, coalesce(r.title, l.statement), hit.day, c.name, c.slug, p.name, ms.perspective, hit.total,
            ts_headline('dutch', coalesce(r.body_text, l.explanation_text), ${q}, 'StartSel=<<, StopSel=>>, MaxFragments=2, MaxWords=20, MinWords=8')
          from (
            select match.*, count(*) over () as total from (
              select 'reflection' as kind, id, ts_rank(search, ${q}) as rank, to_char(happened_on, 'YYYY-MM-DD') as day from reflection
              where visibility = 'network' and deleted_at is null and search @@ ${q}
              union all
              select 'lesson', id, ts_rank(search, ${q}), to_char(created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') from lesson
              where visibility = 'network' and deleted_at is null and search @@ ${q}
            ) match order by rank desc, day desc, id desc limit 20 offset 0
          ) hit
          left join reflection r on r.id = hit.id and hit.kind = 'reflection'
          left join lesson l on l.id = hit.id and hit.kind = 'lesson'
          join coalition c on c.id = coalesce(r.coalition_id, l.coalition_id)
          join person p on p.id = coalesce(r.author_id, l.author_id)
          left join membership ms on ms.coalition_id = c.id and ms.person_id = p.id
          order by hit.rank desc, hit.day desc, hit.id desc`);
        if (page.rows.length > 0) {
          await Promise.all([themesOf("reflection", idsOf(page, "reflection")), themesOf("lesson", idsOf(page, "lesson"))]);
          return;
        }
        const asked = sql`to_tsquery('dutch', quote_literal(asked.word) || ':*')`;
        await Promise.all([
          db().transaction().execute(async (trx) => {
            await sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(trx);
            await sql`select asked.word,
                exists (select 1 from reflection where visibility = 'network' and deleted_at is null and search @@ ${asked})
                or exists (select 1 from lesson where visibility = 'network' and deleted_at is null and search @@ ${asked}), (
                select candidate.word from (
                  select distinct lexeme.lexeme as word from (
                    (select title as text from reflection where visibility = 'network' and deleted_at is null
                      and title operator(public.%>) asked.word limit 50)
                    union all (select statement from lesson where visibility = 'network' and deleted_at is null
                      and statement operator(public.%>) asked.word limit 50)
                    union all select name_nl from theme where archived_at is null
                    union all select name_en from theme where archived_at is null
                  ) source cross join lateral unnest(to_tsvector('simple', source.text)) lexeme
                ) candidate
                where public.similarity(candidate.word, asked.word) >= 0.35 and abs(length(candidate.word) - length(asked.word)) <= 2
                order by public.similarity(candidate.word, asked.word) desc, candidate.word limit 1)
              from unnest(${[words]}::text[]) with ordinality as asked(word, n) order by asked.n`.execute(trx);
          }),
          run(sql`select slug, name_nl, name_en from theme where archived_at is null and exists (
              select 1 from unnest(${[words]}::text[]) as asked(word) where
              to_tsvector('dutch', name_nl || ' ' || name_en) @@ ${asked}
              or public.word_similarity(asked.word, name_nl) >= 0.5 or public.word_similarity(asked.word, name_en) >= 0.5)
            order by position`),
        ]);
      })(),
      run(sql`select slug, name from coalition order by name`),
      listThemes(),
    ]);
  };

  const programmeCoalitions = () => run(sql`select id, slug, name from coalition order by name, id`);

  // programmeDashboard: seven statements side by side; the twelve months start at Amsterdam midnight.
  const { lastMonths } = await import("../app/domain/programme/programme-dashboard.server");
  const { amsterdamTimeToUtc } = await import("../app/i18n/dates");
  const since = amsterdamTimeToUtc(`${lastMonths(today)[0]}-01`, "00:00")!;
  const month = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'Europe/Amsterdam', 'YYYY-MM')`;
  const dashboardBare = async () => {
    await signIn(funderHash);
    await Promise.all([
      run(sql`select c.id, c.slug, c.name, c.place, count(p.id) filter (where p.deactivated_at is null) as members
        from coalition c left join membership m on m.coalition_id = c.id left join person p on p.id = m.person_id
        group by c.id order by c.name`),
      run(sql`select coalition_id, name from organisation order by position, name`),
      run(sql`select m.coalition_id, m.perspective, count(*) from membership m join person p on p.id = m.person_id
        where p.deactivated_at is null group by m.coalition_id, m.perspective`),
      run(sql`select a.coalition_id, a.kind, a.month, ms.perspective, count(*) from (
          select coalition_id, null::uuid as author_id, 'sessions' as kind, ${month("starts_at")} as month from intervision_session
            where status = 'confirmed' and starts_at >= ${since} and starts_at <= now()
          union all select coalition_id, author_id, 'reflections', ${month("created_at")} from reflection
            where deleted_at is null and visibility in ('team', 'network') and created_at >= ${since}
          union all select coalition_id, author_id, 'lessons', ${month("created_at")} from lesson
            where deleted_at is null and created_at >= ${since}
        ) a left join membership ms on ms.coalition_id = a.coalition_id and ms.person_id = a.author_id
        group by a.coalition_id, a.kind, a.month, ms.perspective`),
      run(sql`select coalition_id, count(*) filter (where status = 'achieved'), count(*) filter (where status = 'in_progress'),
          count(*) filter (where status = 'adjusted'),
          count(*) filter (where target_date < ${today}::date and status in ('planned', 'in_progress', 'adjusted')), count(*)
        from milestone where deleted_at is null group by coalition_id`),
      run(sql`select c.id, greatest(
          (select max(r.created_at) from reflection r where r.coalition_id = c.id and r.deleted_at is null and r.visibility in ('team', 'network')),
          (select max(l.created_at) from lesson l where l.coalition_id = c.id and l.deleted_at is null),
          (select max(ch.changed_at) from milestone_status_change ch join milestone m on m.id = ch.milestone_id
            where m.coalition_id = c.id and m.deleted_at is null),
          (select max(s.starts_at) from intervision_session s where s.coalition_id = c.id and s.status = 'confirmed' and s.starts_at <= now()))
        from coalition c`),
      run(sql`select c.id, c.slug, latest.id, latest.statement, latest.created_at from coalition c
        join lateral (select l.id, l.statement, l.created_at from lesson l
          where l.coalition_id = c.id and l.visibility = 'network' and l.deleted_at is null
          order by l.created_at desc, l.id desc limit 3) latest on true
        order by latest.created_at desc, latest.id desc`),
      run(sql`select e.coalition_id, count(distinct e.id), count(r.id) from event e
        left join event_registration r on r.event_id = e.id and r.status = 'registered'
        where e.starts_at <= now() group by e.coalition_id`),
    ]);
  };

  const themeMatrixBare = async () => {
    await signIn(funderHash);
    await Promise.all([
      listThemes(),
      programmeCoalitions(),
      run(sql`select lt.theme_id, l.coalition_id, count(*), count(*) filter (where l.visibility = 'network')
        from lesson l join lesson_theme lt on lt.lesson_id = l.id
        where l.deleted_at is null and l.visibility in ('team', 'network') group by lt.theme_id, l.coalition_id`),
    ]);
  };

  // The route finds the theme in listThemes, then compareTheme reads each coalition's newest 20 lessons on it.
  const compareBare = async () => {
    await signIn(funderHash);
    const themes = await listThemes();
    const theme = (themes.rows as { id: string; slug: string }[]).find((t) => t.slug === "vertrouwen")!;
    await Promise.all([
      programmeCoalitions(),
      run(sql`select * from (
          select l.id, l.coalition_id, l.statement, left(l.explanation_text, 240), p.name, ms.perspective, l.created_at,
            row_number() over (partition by l.coalition_id order by l.created_at desc, l.id desc) as position,
            count(*) over (partition by l.coalition_id) as total
          from lesson l join lesson_theme lt on lt.lesson_id = l.id join person p on p.id = l.author_id
          left join membership ms on ms.coalition_id = l.coalition_id and ms.person_id = l.author_id
          where lt.theme_id = ${theme.id} and l.visibility = 'network' and l.deleted_at is null
        ) ranked where position <= 20 order by created_at desc, id desc`),
    ]);
  };

  const cases: BenchCase[] = [
    {
      label: `/teams/${team.slug}`,
      who: "member",
      // Remix runs the coalition frame's loader and the page's side by side.
      route: () =>
        Promise.all([
          callLoader(teamFrame.loader as LoaderFn, `/teams/${team.slug}`, memberCookie, { team: team.slug }),
          callLoader(teamHome.loader as LoaderFn, `/teams/${team.slug}`, memberCookie, { team: team.slug }),
        ]),
      bareLabel: `frame: ${SIGN_IN}, the team, what waits, open actions; page: ${SIGN_IN}, the team, partners, members, 8 latest reflections, lessons, milestone changes, milestone counts, first step, open actions, demo notice`,
      bare: () => Promise.all([teamFrameBare(), teamHomeBare()]),
    },
    {
      label: `/teams/${team.slug}/reflections`,
      who: "member",
      route: () =>
        callLoader(reflections.loader as LoaderFn, `/teams/${team.slug}/reflections`, memberCookie, { team: team.slug }),
      bareLabel: `${SIGN_IN}, the team, first page of the log, its count, its themes, authors, themes`,
      bare: reflectionLogBare(),
    },
    {
      label: `/teams/${team.slug}/reflections?q=samenwerking`,
      who: "member",
      route: () =>
        callLoader(reflections.loader as LoaderFn, `/teams/${team.slug}/reflections?q=samenwerking`, memberCookie, {
          team: team.slug,
        }),
      bareLabel: `${SIGN_IN}, the team, first page of the search, its count, its themes, authors, themes`,
      bare: reflectionLogBare("samenwerking"),
    },
    {
      label: "/programme",
      who: "funder",
      route: () => callLoader(programme.loader as LoaderFn, "/programme", funderCookie, {}),
      bareLabel: `${SIGN_IN}, coalitions, partners, members per perspective, 12 months of activity, milestones, last activity, latest lessons, events held`,
      bare: dashboardBare,
    },
    {
      label: "/network",
      who: "funder",
      route: () => callLoader(network.loader as LoaderFn, "/network", funderCookie, {}),
      bareLabel: `${SIGN_IN}, 20 newest network reflections and lessons, their count, their themes, coalitions, themes, coming and past events`,
      bare: networkBare,
    },
    {
      label: "/network/search?q=samenwerking",
      who: "funder",
      route: () => callLoader(networkSearch.loader as LoaderFn, "/network/search?q=samenwerking", funderCookie, {}),
      bareLabel: `${SIGN_IN}, 20 best-ranked network items (counted alongside) with snippets, their themes, coalitions, themes`,
      bare: networkSearchBare("samenwerking"),
    },
    {
      label: "/network/search?q=samenwerkng (a typo)",
      who: "funder",
      route: () => callLoader(networkSearch.loader as LoaderFn, "/network/search?q=samenwerkng", funderCookie, {}),
      bareLabel: `${SIGN_IN}, no match, the correction from shared titles (threshold, query), alike themes, coalitions, themes`,
      bare: networkSearchBare("samenwerkng"),
    },
    {
      label: "/programme/themes",
      who: "funder",
      route: () => callLoader(programmeThemes.loader as LoaderFn, "/programme/themes", funderCookie, {}),
      bareLabel: `${SIGN_IN}, themes, coalitions, lessons per theme and coalition`,
      bare: themeMatrixBare,
    },
    {
      label: "/programme/compare?theme=vertrouwen",
      who: "funder",
      route: () => callLoader(programmeCompare.loader as LoaderFn, "/programme/compare?theme=vertrouwen", funderCookie, {}),
      bareLabel: `${SIGN_IN}, themes, coalitions, each coalition's 20 newest network lessons on the theme`,
      bare: compareBare,
    },
  ];

  const counts = await sql<{ reflections: string; lessons: string; sessions: string; milestones: string }>`
    select (select count(*) from reflection) as reflections, (select count(*) from lesson) as lessons,
           (select count(*) from intervision_session) as sessions, (select count(*) from milestone) as milestones`.execute(db());
  const c = counts.rows[0];
  console.log(
    `\nServer time of route loaders on PostgreSQL (${c.reflections} reflections, ${c.lessons} lessons, ${c.sessions} sessions, ${c.milestones} milestones);`,
  );
  console.log(`${WARM_UP} warm-up + ${RUNS} measured runs each, route and bare SQL in turn; budget p95 < ${ROUTE_BUDGET_P95_MS} ms and route/bare < ${RATIO_BUDGET}×.\n`);
  console.log(
    `  ${"route".padEnd(48)} ${"as".padEnd(7)} ${"p50".padStart(7)} ${"p95".padStart(7)}   ${"bare p50".padStart(8)} ${"bare p95".padStart(8)}  ${"ratio p50/p95".padStart(13)}`,
  );
  for (const item of cases) {
    const bareRun = typeof item.bare === "function" ? item.bare : () => (item.bare as RawBuilder<unknown>).execute(db());
    const statements = { route: await countStatements(item.route), bare: await countStatements(bareRun) };
    const { route, bare } = await timeBoth(item.route, bareRun);
    const ratio = `${(route.p50 / bare.p50).toFixed(1)}×/${(route.p95 / bare.p95).toFixed(1)}×`;
    const over =
      (route.p95 >= ROUTE_BUDGET_P95_MS ? "  OVER budget" : "") + (route.p95 / bare.p95 >= RATIO_BUDGET ? "  ratio OVER" : "");
    console.log(
      `  ${item.label.padEnd(48)} ${item.who.padEnd(7)} ${route.p50.toFixed(1).padStart(7)} ${route.p95.toFixed(1).padStart(7)}   ${bare.p50.toFixed(1).padStart(8)} ${bare.p95.toFixed(1).padStart(8)}  ${ratio.padStart(13)}${over}`,
    );
    const same = statements.route === statements.bare ? "" : "  (NOT the same number: the bare SQL is not what the route runs)";
    console.log(`  ${"".padEnd(48)} bare SQL: ${item.bareLabel}`);
    console.log(`  ${"".padEnd(48)} statements: route ${statements.route}, bare ${statements.bare}${same}`);
  }

  // The personal data export of the busiest author, streamed as a browser would take it: its size, how long
  // it takes, and how far the heap grows meanwhile (it should stay flat, however large the account).
  const author = await db()
    .selectFrom("reflection")
    .groupBy("author_id")
    .select(["author_id as id", sql<string>`count(*)`.as("reflections")])
    .orderBy(sql`count(*)`, "desc")
    .executeTakeFirstOrThrow();
  const dataZip = await import("../app/routes/settings_.data[.zip]");
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let bytes = 0;
  const started = performance.now();
  const request = new Request(`${BASE}/settings/data.zip`, { headers: { Cookie: await cookieFor(author.id) } });
  const response = await dataZip.loader({ request, params: {}, context: {} });
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  console.log(
    `\n/settings/data.zip of the busiest author (${author.reflections} reflections): ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s; heap grew at most ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB while streaming`,
  );
  const { benchWeeklyDigest } = await import("./bench-digest");
  await benchWeeklyDigest();
  const { benchFanOut } = await import("./bench-fanout");
  await benchFanOut();
  await db().destroy();
}

printJsSizes();
await printLighthouse();
if (process.env.DATABASE_URL) {
  await benchRoutes();
} else {
  console.log("\nRoute timings need real PostgreSQL: set DATABASE_URL (and run `npm run data:generate` on it first).");
}
