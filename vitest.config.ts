import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run on PGlite always, and on the real PostgreSQL of TEST_DATABASE_URL too.
// In CI (CI=true) the real PostgreSQL is required: a missing one fails the run instead of skipping it.
const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === "true" && !postgresUrl) {
  throw new Error("CI=true but TEST_DATABASE_URL is not set: the integration tests must also run on PostgreSQL.");
}

const shared = {
  include: ["tests/integration/**/*.test.ts"],
  setupFiles: ["tests/setup-i18n.ts", "tests/integration/setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  silent: "passed-only" as const,
};

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    // Two files at a time, also on a two-core machine (vitest's default there is one): much of a file's time is
    // waiting for PostgreSQL or a server process, and the suite takes a third less.
    maxWorkers: 2,
    projects: [
      // Pure functions (rich-text validation and rendering): no database, run once.
      {
        extends: true as const,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], setupFiles: ["tests/setup-i18n.ts"] },
      },
      {
        extends: true,
        test: { ...shared, name: "pglite", env: { TEST_ENGINE: "pglite" }, globalSetup: ["tests/integration/pglite-template.ts"] },
      },
      ...(postgresUrl
        ? [{ extends: true as const, test: { ...shared, name: "postgres", env: { TEST_ENGINE: "postgres" } } }]
        : []),
      // The built production server as real processes on PostgreSQL: outages, several processes (after the build).
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "server",
                include: ["tests/server/**/*.test.ts"],
                setupFiles: ["tests/setup-i18n.ts"],
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
