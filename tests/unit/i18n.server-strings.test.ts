import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { enServer } from "../../app/i18n/en/index.server";
import { translator } from "../../app/i18n/i18n";
import { nl } from "../../app/i18n/nl";
import { nlServer } from "../../app/i18n/nl/index.server";

// Strings only the server writes (e-mails, calendar files, CSV) are kept out of the dictionary a browser
// downloads. A component that used one would show the raw key once hydrated, so no file that can reach the
// browser may name such a key: only `*.server.ts` modules may.
const appDir = path.resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(`${path.sep}i18n`) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.server\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("server-only strings", () => {
  it("are translated on the server in both languages", () => {
    expect(translator("nl")("mail.reset.subject")).toBe("Nieuw wachtwoord voor Leernetwerk");
    expect(translator("en")("mail.reset.subject")).toBe("New password for Leernetwerk");
    expect(translator("en")("calendar.feed.name")).toBe("Leernetwerk – intervision");
    expect(Object.keys(enServer).sort()).toEqual(Object.keys(nlServer).sort());
  });

  it("are not in the dictionaries a browser downloads", () => {
    for (const key of Object.keys(nlServer)) {
      expect(Object.keys(nl)).not.toContain(key);
      expect(Object.keys(en)).not.toContain(key);
    }
  });

  it("are named by no module that can reach the browser", () => {
    const keys = Object.keys(nlServer);
    const files = sourceFiles(appDir);
    expect(files.map((file) => path.relative(appDir, file))).toContain("root.tsx");
    const offending = files.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return keys.filter((key) => source.includes(`"${key}"`)).map((key) => `${path.relative(appDir, file)}: ${key}`);
    });
    expect(offending).toEqual([]);
  });
});
