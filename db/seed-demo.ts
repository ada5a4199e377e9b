import { db, migrateToLatest } from "./db.server";
import { DEMO_PASSWORD, demoIsSeeded, demoLogins, markDemoProgramme, seedDemo } from "./demo";

await migrateToLatest();
if (await demoIsSeeded()) {
  await markDemoProgramme();
  console.log("The demo programme is already in this database.");
} else {
  await seedDemo();
  console.log(`Seeded the demo programme. Password for every demo account: ${DEMO_PASSWORD}`);
  for (const email of demoLogins()) console.log(`  ${email}`);
}
await db().destroy();
