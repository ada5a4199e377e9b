import { sql, type Kysely } from "kysely";

// A mail may carry an HTML part beside its text (the digest) and headers of its own (List-Unsubscribe).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("email_outbox")
    .addColumn("body_html", "text")
    .addColumn("headers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropColumn("body_html").dropColumn("headers").execute();
}
