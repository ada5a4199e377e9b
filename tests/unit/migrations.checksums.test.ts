import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A migration runs once per database, so changing one after it ran somewhere changes nothing there: that
// database silently lacks what was added. A migration has "landed" once its checksum is committed in
// migrations/checksums.json; from then on its text is frozen, and any change goes into a new migration.
// A new migration fails this test until its checksum is added, which is the moment to be sure it is final.

const dir = path.resolve("migrations");
const listFile = path.join(dir, "checksums.json");

function checksum(file: string): string {
  // Line endings normalised, so a checkout on Windows does not count as a change.
  const text = readFileSync(path.join(dir, file), "utf8").replace(/\r\n/g, "\n");
  return createHash("sha256").update(text).digest("hex");
}

// index.ts is the hand-kept list of migrations, not a migration: it grows with every new one.
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts").sort();
const landed: Record<string, string> = JSON.parse(readFileSync(listFile, "utf8"));

describe("landed migrations", () => {
  it("every migration has its checksum committed", () => {
    const missing = files.filter((f) => !(f in landed));
    expect(
      missing.map((f) => `${f} is new: when it is final, add this line to migrations/checksums.json: "${f}": "${checksum(f)}"`),
    ).toEqual([]);
  });

  it("are unchanged since they landed", () => {
    const changed = files.filter((f) => f in landed && landed[f] !== checksum(f));
    expect(
      changed.map(
        (f) =>
          `${f} changed after it landed: databases that already ran it will never run the change. ` +
          `Put it back as it was (git log -p migrations/${f}) and write the change as a new migration.`,
      ),
    ).toEqual([]);
  });

  it("are all still there", () => {
    const gone = Object.keys(landed).filter((f) => !files.includes(f));
    expect(gone.map((f) => `${f} has landed and was removed: databases know it ran, so it stays`)).toEqual([]);
  });

  it("are all listed in migrations/index.ts, which is what runs them", () => {
    const index = readFileSync(path.join(dir, "index.ts"), "utf8");
    const unlisted = files.filter((f) => !index.includes(`"${f.replace(/\.ts$/, "")}":`));
    expect(unlisted.map((f) => `${f} is not in migrations/index.ts, so it never runs`)).toEqual([]);
  });
});
