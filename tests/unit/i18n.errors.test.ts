import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reflectionSchema } from "../../app/domain/reflections/reflection-form";
import { isMessageKey, translator } from "../../app/i18n/i18n";

// An error says what happened and what to do next: a text over its limit names the limit.
const appDir = path.resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "i18n" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("a text over its limit", () => {
  it("is told the limit: 'Hoogstens 200 tekens.'", () => {
    const result = reflectionSchema.safeParse({ title: "x".repeat(201), visibility: "team", happenedOn: "2026-01-01" });
    const message = result.error?.issues.find((issue) => issue.path[0] === "title")?.message ?? "";
    if (!isMessageKey(message)) throw new Error(`not a message key: ${message}`);
    expect(translator("nl")(message)).toBe("Hoogstens 200 tekens.");
    expect(translator("en")(message)).toBe("At most 200 characters.");
  });

  it("has a message for every limit the forms name", () => {
    const used = new Set(sourceFiles(appDir).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"(error\.tooLong\.\d+)"/g)].map((m) => m[1])));
    for (const max of [200, 300]) used.add(`error.tooLong.${max}`);
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((key) => !isMessageKey(key))).toEqual([]);
  });
});
