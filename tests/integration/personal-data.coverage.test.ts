import { sql } from "kysely";
import { expect, it } from "vitest";
import { db } from "../../db/db.server";
import { keptByDepartures, personalData } from "../../app/domain/privacy/personal-data.server";

// Erasure and the personal data export walk one list of modules (privacy/personal-data.server.ts). A new table
// or column that holds a person, and that nobody adds to that list, would survive an account deletion and be
// missing from the export: this test finds every such column in the database itself and names it.

/** Every column of the migrated schema that holds a person: a foreign key to person(id), or by its name. */
async function columnsHoldingAPerson(): Promise<string[]> {
  const { rows } = await sql<{ place: string }>`
    select cl.relname || '.' || att.attname as place
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute att on att.attrelid = c.conrelid and att.attnum = any (c.conkey)
     where c.contype = 'f' and c.confrelid = to_regclass('person')
    union
    select table_name || '.' || column_name
      from information_schema.columns
     where table_schema = current_schema()
       and (column_name like '%person\\_id' or column_name like '%\\_by' or column_name like '%email%'
            or column_name in ('author_id', 'actor_id', 'subject_id', 'owner_id', 'to_address'))
     order by 1`.execute(db());
  return rows.map((row) => row.place);
}

/** Columns whose names look like a person's (`*_by`, `*email*` …) but hold none, each with the reason. */
const notAPerson: string[] = [];

it("every column that holds a person is handed over or erased by some module, or kept on purpose", async () => {
  const covered = new Set([...personalData.flatMap((rows) => rows.covers), ...keptByDepartures].map((c) => `${c.table}.${c.column}`));
  const found = await columnsHoldingAPerson();
  // The person row is the account itself: accounts/personal-data.server.ts empties it.
  const uncovered = found.filter((place) => !covered.has(place) && place !== "person.id" && !notAPerson.includes(place));
  expect(uncovered, "columns holding a person that no module's personal-data.server.ts covers").toEqual([]);
  // And the list names nothing that is not there (a renamed column would otherwise be covered in name only).
  expect([...covered].filter((place) => !found.includes(place))).toEqual([]);
});

it("a module that covers a column does something with it", () => {
  for (const rows of personalData) {
    expect(rows.covers.length, rows.module).toBeGreaterThan(0);
    expect(Boolean(rows.handOver || rows.erase), rows.module).toBe(true);
  }
});
