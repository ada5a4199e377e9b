import { describe, expect, it } from "vitest";
import { intervisionMethods, methodBySlug } from "../../app/domain/sessions/intervision-methods";

// The methods library is data shipped with the app: every method complete, in both languages, and its
// typical length the sum of its phases (totalMinutes is computed from the phases, so they cannot drift).

const filled = (words: { nl: string; en: string }) => words.nl.trim() !== "" && words.en.trim() !== "";

describe("the intervision methods", () => {
  it("include the five methods the programme asked for", () => {
    expect(intervisionMethods.map((method) => method.slug)).toEqual(
      expect.arrayContaining(["incidentmethode", "roddelmethode", "balintmethode", "probleemoplossingsmethode", "socratisch-gesprek"]),
    );
  });

  it("have unique slugs that methodBySlug finds, and nothing for an unknown slug", () => {
    const slugs = intervisionMethods.map((method) => method.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(methodBySlug(slug)?.slug).toBe(slug);
    expect(methodBySlug("bestaat-niet")).toBeUndefined();
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(intervisionMethods.map((method) => [method.slug, method] as const))("%s has at least 4 phases, each with minutes", (_slug, method) => {
    expect(method.phases.length).toBeGreaterThanOrEqual(4);
    expect(method.phases.length).toBeLessThanOrEqual(8);
    for (const phase of method.phases) {
      expect(Number.isInteger(phase.minutes)).toBe(true);
      expect(phase.minutes).toBeGreaterThan(0);
    }
  });

  it.each(intervisionMethods.map((method) => [method.slug, method] as const))("%s: the phases' minutes add up to its total length", (_slug, method) => {
    expect(method.phases.reduce((sum, phase) => sum + phase.minutes, 0)).toBe(method.totalMinutes);
    expect(method.totalMinutes).toBeGreaterThanOrEqual(45);
    expect(method.totalMinutes).toBeLessThanOrEqual(150);
  });

  it.each(intervisionMethods.map((method) => [method.slug, method] as const))("%s is written in Dutch and English", (_slug, method) => {
    expect(filled(method.name)).toBe(true);
    expect(filled(method.purpose)).toBe(true);
    expect(method.purpose.en).not.toBe(method.purpose.nl);
    expect(method.roles.nl.length).toBeGreaterThanOrEqual(3);
    expect(method.roles.en.length).toBe(method.roles.nl.length);
    for (const role of [...method.roles.nl, ...method.roles.en]) expect(role.trim()).not.toBe("");
    for (const phase of method.phases) {
      expect(filled(phase.name)).toBe(true);
      expect(filled(phase.what)).toBe(true);
      expect(phase.what.en).not.toBe(phase.what.nl);
    }
  });

  it("end with the closing evaluation the notes page asks for", () => {
    for (const method of intervisionMethods) expect(method.phases.at(-1)?.name.nl).toBe("Evaluatie");
  });
});
