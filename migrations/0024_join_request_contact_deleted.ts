import { sql, type Kysely } from "kysely";

// A join request's contact details (name, address, motivation, the facilitator's message) are deleted 90 days
// after the decision; the request itself stays, so an accepted organisation keeps its origin and the public page
// can still count the people who joined. The columns may therefore become empty, but only all at once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agreement_join_request
    add column contact_deleted_at timestamptz,
    alter column contact_name drop not null,
    alter column email drop not null,
    alter column motivation drop not null`.execute(db);
  await sql`alter table agreement_join_request add constraint agreement_join_request_contact
    check (case when contact_deleted_at is null
                then contact_name is not null and email is not null and motivation is not null
                else contact_name is null and email is null and motivation is null and decision_message is null end)`.execute(db);
  // The hourly clean-up looks for decisions older than 90 days whose details are still there.
  await sql`create index agreement_join_request_decided on agreement_join_request (decided_at)
    where decided_at is not null and contact_deleted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index agreement_join_request_decided`.execute(db);
  await sql`alter table agreement_join_request drop constraint agreement_join_request_contact`.execute(db);
  await sql`delete from agreement_join_request where contact_deleted_at is not null`.execute(db);
  await sql`alter table agreement_join_request
    drop column contact_deleted_at,
    alter column contact_name set not null,
    alter column email set not null,
    alter column motivation set not null`.execute(db);
}
