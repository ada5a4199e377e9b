import { sql, type Kysely } from "kysely";

// A signature is the partner organisation's record of having signed one exact version: nobody changes or removes
// it afterwards. Two ways out remain, on purpose:
// - an erased account: the signature keeps its organisation, function and date, but loses the person (person_id
//   and name emptied, nothing else); the person_id foreign key's "set null" is that same change;
// - a delete that cascades from removing the whole coalition (or its version or organisation): it arrives from the
//   foreign key's own trigger, so at a trigger depth above 1. A direct DELETE is refused.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function agreement_signature_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if pg_trigger_depth() > 1 then
          return old;
        end if;
        raise exception 'agreement_signature rows are append-only' using errcode = 'P0001';
      end if;
      if new.id = old.id and new.signatory_id = old.signatory_id and new.version_id = old.version_id
        and new.organisation_id = old.organisation_id and new.function = old.function
        and new.signed_on = old.signed_on and new.signed_at = old.signed_at
        and new.person_id is null and (new.name = old.name or new.name = '') then
        return new;
      end if;
      raise exception 'agreement_signature rows are append-only' using errcode = 'P0001';
    end $$`.execute(db);
  await sql`create trigger agreement_signature_append_only before update or delete on agreement_signature
    for each row execute function agreement_signature_append_only()`.execute(db);
  // The personal data export and erasure look signatures up by person.
  await sql`create index agreement_signature_person on agreement_signature (person_id) where person_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index agreement_signature_person`.execute(db);
  await sql`drop trigger agreement_signature_append_only on agreement_signature`.execute(db);
  await sql`drop function agreement_signature_append_only()`.execute(db);
}
