import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";

// Listed by hand so that migrations bundle with the server build and run under tsx and vitest alike.
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
