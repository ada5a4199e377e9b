import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/i18n";

// Counts read as Dutch (and English) do: "1 les", "2 lessen"; a key without a singular form is used as it is.
describe("counts in the reader's language", () => {
  it.each([
    ["nl", 1, "1 les"],
    ["nl", 2, "2 lessen"],
    ["nl", 0, "0 lessen"],
    ["en", 1, "1 lesson"],
    ["en", 3, "3 lessons"],
  ] as const)("%s with %i", (locale, count, text) => {
    expect(translator(locale)("lessons.count", { count })).toBe(text);
  });

  it("keeps a key that has no singular form", () => {
    expect(translator("nl")("milestones.count", { count: 1 })).toBe("Getoond: 1");
  });
});
