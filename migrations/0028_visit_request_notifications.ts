import { sql, type Kysely } from "kysely";

// A visit request is an item a notification can be about: the facilitators are told of it, and the notification
// leads to the coalition's requests page. The hourly clean-up looks for answers older than 90 days whose contact
// details are still there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification drop constraint notification_item_type_check`.execute(db);
  await sql`alter table notification add constraint notification_item_type_check
    check (item_type in ('reflection', 'lesson', 'milestone', 'session', 'event', 'agreement', 'question', 'harvest', 'publication',
                         'visit_request'))`.execute(db);
  await sql`create index visit_request_answered on visit_request (answered_at)
    where answered_at is not null and personal_data_deleted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index visit_request_answered`.execute(db);
  await sql`delete from notification where item_type = 'visit_request'`.execute(db);
  await sql`alter table notification drop constraint notification_item_type_check`.execute(db);
  await sql`alter table notification add constraint notification_item_type_check
    check (item_type in ('reflection', 'lesson', 'milestone', 'session', 'event', 'agreement', 'question', 'harvest', 'publication'))`.execute(db);
}
