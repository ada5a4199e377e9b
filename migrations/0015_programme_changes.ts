import { sql, type Kysely } from "kysely";

// The programme dashboard's figures are the same for every reader until one of the tables they are counted
// from changes. Every such change draws the next number of a sequence, which tells a server process whether
// the figures it holds are still those of the database: it reads the number and the figures in one statement,
// and counts afresh when the number moved. A sequence rather than a counter row, so that writers never wait
// for each other: drawing a number takes no lock. Its price: a number drawn by a transaction that has not yet
// committed can be read before the change is visible; the process then holds figures without that change
// until the next change or its recount a few seconds later (programme-dashboard.server.ts).
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
  await sql`create sequence programme_change`.execute(db);
  // Drawn once, so that the first change moves last_value (a fresh sequence shows 1 before and after it).
  await sql`select nextval('programme_change')`.execute(db);
  await sql`
    create function programme_changed() returns trigger language plpgsql as $$
    begin
      perform nextval('programme_change');
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
  await sql`drop sequence programme_change`.execute(db);
}
