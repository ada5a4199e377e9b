import { describe, expect, it } from "vitest";
import { areaOf, areas } from "../../app/i18n/areas";
import { base as nlBase } from "../../app/i18n/nl/base";
import { base as enBase } from "../../app/i18n/en/base";
import { nl } from "../../app/i18n/nl";
import { en } from "../../app/i18n/en";

// A browser finds the area of a string it lacks by the key's first word: every word must lead to one area,
// and a base string must never look like one of an area's (or a page would fetch that area for nothing).

const files = import.meta.glob<Record<string, unknown>>(["../../app/i18n/nl/*.ts", "!**/*.server.ts", "!**/index.ts", "!**/base.ts"], { eager: true });

function exported(module: Record<string, unknown>): Record<string, string> {
  return Object.values(module)[0] as Record<string, string>;
}

describe("string areas", () => {
  it("leads every key of an area's dictionary to that area", () => {
    const wrong: string[] = [];
    for (const area of areas) {
      const file = Object.entries(files).find(([, module]) => Object.keys(module)[0] === area);
      expect(file, `a dictionary file exporting ${area}`).toBeDefined();
      for (const key of Object.keys(exported(file![1]))) if (areaOf(key) !== area) wrong.push(`${key} → ${areaOf(key)} (in ${area})`);
    }
    expect(wrong).toEqual([]);
  });

  it("leads no base key to an area", () => {
    expect(Object.keys(nlBase).filter((key) => areaOf(key) !== undefined)).toEqual([]);
  });

  it("splits the whole browser dictionary into the base and the areas, in both languages", () => {
    for (const [whole, base] of [[nl, nlBase], [en, enBase]] as const) {
      const lost = Object.keys(whole).filter((key) => !(key in base) && areaOf(key) === undefined);
      expect(lost).toEqual([]);
    }
  });
});
