import type { Kysely } from "kysely";

// The methods name a timekeeper (tijdbewaker) besides the case bringer: the session's facilitator assigns
// one of the participants. Someone whose account row goes keeps no role: the column empties.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("intervision_session")
    .addColumn("timekeeper_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("intervision_session").dropColumn("timekeeper_id").execute();
}
