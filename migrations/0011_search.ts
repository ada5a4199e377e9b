import { sql, type Kysely } from "kysely";

// Search that finds what people mean. Each reflection's and lesson's `search` vector now weighs its title
// (A) above the names of its themes (B) above its text (C), so "vrijwilligers" finds what carries the theme
// Vrijwilligers and ranks a title hit first. Theme names live in other tables, so a generated column cannot
// hold them: triggers keep the vector up to date when the item, its themes or a theme's name change.
//
// pg_trgm gives "Bedoelde u …?" for a typo, matched against the titles of what is shared with the network.
// An extension exists once per database, while the tests migrate one schema per test file side by side:
// it goes into schema public (the queries name it there, whatever the search_path) behind a lock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('leernetwerk: create extension pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const where = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  if (where.rows[0]?.schema !== "public") {
    throw new Error(`pg_trgm is installed in schema ${where.rows[0]?.schema}; Leernetwerk expects it in schema public.`);
  }

  for (const item of items) {
    const { table, title, text, link, key } = item;
    await sql`alter table ${sql.id(table)} drop column search`.execute(db);
    await sql`alter table ${sql.id(table)} add column search tsvector not null default ''::tsvector`.execute(db);

    // The vector of one item, from its title, its themes' names (both languages) and its text.
    await sql`
      create or replace function ${sql.id(`${table}_search_vector`)}(item uuid, item_title text, item_text text) returns tsvector
      language sql stable as $$
        select setweight(to_tsvector('dutch', item_title), 'A')
          || setweight(to_tsvector('dutch', coalesce((
               select string_agg(theme.name_nl || ' ' || theme.name_en, ' ' order by theme.position)
               from ${sql.raw(link)} join theme on theme.id = ${sql.raw(link)}.theme_id
               where ${sql.raw(link)}.${sql.raw(key)} = item), '')), 'B')
          || setweight(to_tsvector('dutch', item_text), 'C')
      $$`.execute(db);

    await sql`
      create or replace function ${sql.id(`${table}_search_row`)}() returns trigger language plpgsql as $$
      begin
        new.search := ${sql.raw(`${table}_search_vector`)}(new.id, new.${sql.raw(title)}, new.${sql.raw(text)});
        return new;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_search`)} before insert or update of ${sql.raw(title)}, ${sql.raw(text)}
      on ${sql.id(table)} for each row execute function ${sql.raw(`${table}_search_row`)}()`.execute(db);

    // Statement triggers with transition tables: one update per statement, however many rows it tagged.
    await sql`
      create or replace function ${sql.id(`${link}_search`)}() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update ${sql.raw(table)} set search = ${sql.raw(`${table}_search_vector`)}(id, ${sql.raw(title)}, ${sql.raw(text)})
          where id in (select ${sql.raw(key)} from tagged);
        else
          update ${sql.raw(table)} set search = ${sql.raw(`${table}_search_vector`)}(id, ${sql.raw(title)}, ${sql.raw(text)})
          where id in (select ${sql.raw(key)} from untagged);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.id(`${link}_tagged`)} after insert on ${sql.id(link)}
      referencing new table as tagged for each statement execute function ${sql.raw(`${link}_search`)}()`.execute(db);
    await sql`
      create trigger ${sql.id(`${link}_untagged`)} after delete on ${sql.id(link)}
      referencing old table as untagged for each statement execute function ${sql.raw(`${link}_search`)}()`.execute(db);

    await sql`update ${sql.id(table)} set search = ${sql.raw(`${table}_search_vector`)}(id, ${sql.raw(title)}, ${sql.raw(text)})`.execute(db);
    // Fresh statistics for the new column, or the planner guesses how many rows a search matches.
    await sql`analyze ${sql.id(table)}`.execute(db);
    await sql`create index ${sql.id(`${table}_search`)} on ${sql.id(table)} using gin (search)`.execute(db);
    // The network search reads only what is shared: its own smaller index, and one of title trigrams.
    await sql`
      create index ${sql.id(`${table}_network_search`)} on ${sql.id(table)} using gin (search)
      where visibility = 'network' and deleted_at is null`.execute(db);
    await sql`
      create index ${sql.id(`${table}_network_title_trigrams`)} on ${sql.id(table)} using gin (${sql.raw(title)} public.gin_trgm_ops)
      where visibility = 'network' and deleted_at is null`.execute(db);
  }

  await sql`
    create or replace function theme_renamed() returns trigger language plpgsql as $$
    begin
      update reflection set search = reflection_search_vector(id, title, body_text)
      where id in (select reflection_id from reflection_theme where theme_id = new.id);
      update lesson set search = lesson_search_vector(id, statement, explanation_text)
      where id in (select lesson_id from lesson_theme where theme_id = new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger theme_renamed after update of name_nl, name_en on theme
    for each row when (old.name_nl is distinct from new.name_nl or old.name_en is distinct from new.name_en)
    execute function theme_renamed()`.execute(db);
}

const items = [
  { table: "reflection", title: "title", text: "body_text", link: "reflection_theme", key: "reflection_id" },
  { table: "lesson", title: "statement", text: "explanation_text", link: "lesson_theme", key: "lesson_id" },
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger theme_renamed on theme`.execute(db);
  await sql`drop function theme_renamed()`.execute(db);
  for (const { table, title, text, link } of items) {
    await sql`drop trigger ${sql.id(`${link}_tagged`)} on ${sql.id(link)}`.execute(db);
    await sql`drop trigger ${sql.id(`${link}_untagged`)} on ${sql.id(link)}`.execute(db);
    await sql`drop function ${sql.id(`${link}_search`)}()`.execute(db);
    await sql`drop trigger ${sql.id(`${table}_search`)} on ${sql.id(table)}`.execute(db);
    await sql`drop function ${sql.id(`${table}_search_row`)}()`.execute(db);
    await sql`drop function ${sql.id(`${table}_search_vector`)}(uuid, text, text)`.execute(db);
    await sql`alter table ${sql.id(table)} drop column search`.execute(db);
    await sql`
      alter table ${sql.id(table)} add column search tsvector generated always as
      (to_tsvector('dutch'::regconfig, ${sql.raw(title)} || ' ' || ${sql.raw(text)})) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_search`)} on ${sql.id(table)} using gin (search)`.execute(db);
  }
}
