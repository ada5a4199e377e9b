import { db, migrateToLatest } from "./db.server";

const applied = await migrateToLatest();
console.log(applied.length ? `Migrated: ${applied.join(", ")}` : "Database is up to date.");
await db().destroy();
