import { sql, type Kysely } from "kysely";

// The programme dashboard's figures are the same for every reader until one of the tables they are counted
// from changes. A counter, raised in the same transaction as every such change, tells a server process whether
// the figures it holds are still those of the database: it reads the counter and the figures in one
// statement (one snapshot), and counts afresh when the counter moved. The price: a transaction that writes
// to these tables holds the counter's row until it commits, so such writers commit one after another; keep
// their transactions short.
const counted = [
  "coalition",
  "organisation",
  "membership",
  "reflection",
  "lesson",
  "intervision_session",
  "milestone",
  "milestone_status_change",
  "event",
  "event_registration",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table programme_change (id int primary key check (id = 1), n bigint not null)`.execute(db);
  await sql`insert into programme_change (id, n) values (1, 0)`.execute(db);
  await sql`
    create function programme_changed() returns trigger language plpgsql as $$
    begin
      update programme_change set n = n + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of counted) {
    await sql`
      create trigger programme_changed after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function programme_changed()`.execute(db);
  }
  // A person counts only through whether the account is active: a sign-in (which writes the person row)
  // leaves the figures as they are.
  await sql`
    create trigger programme_changed after update of deactivated_at on person
    for each row when (old.deactivated_at is distinct from new.deactivated_at) execute function programme_changed()`.execute(db);
  await sql`
    create trigger programme_changed_rows after insert or delete on person
    for each statement execute function programme_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of counted) await sql`drop trigger programme_changed on ${sql.table(table)}`.execute(db);
  await sql`drop trigger programme_changed on person`.execute(db);
  await sql`drop trigger programme_changed_rows on person`.execute(db);
  await sql`drop function programme_changed()`.execute(db);
  await sql`drop table programme_change`.execute(db);
}
