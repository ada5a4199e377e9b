import { backup, BackupRefused } from "./backup.server";

// npm run db:backup [FOLDER]: a dated backup of the app's database into FOLDER (default backups/).
try {
  console.log(`Backup written: ${await backup(process.argv[2] ?? "backups")}`);
} catch (error) {
  console.error(error instanceof BackupRefused ? error.message : `Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
