import { BackupRefused, restore } from "./backup.server";

// npm run db:restore -- FILE [--force]: brings a backup made by db:backup back into an empty database.
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- FILE [--force]");
  process.exit(1);
}
try {
  console.log(await restore(file, args.includes("--force")));
} catch (error) {
  console.error(error instanceof BackupRefused ? error.message : `Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
