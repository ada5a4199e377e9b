import type { Dictionary, Locale } from "./i18n";

// A browser first gets the strings nearly every page shows (nl/base.ts, en/base.ts); the strings of one
// part of the app (an area: one dictionary file) come when a page first shows one of them. The server
// notes which areas a page used, so that the browser has them before it hydrates; a later page that needs
// another area waits for it (see useT).

const loaders = {
  nl: {
    admin: () => import("./nl/admin").then((m) => m.admin),
    agreements: () => import("./nl/agreements").then((m) => m.agreements),
    audit: () => import("./nl/audit").then((m) => m.audit),
    dataExport: () => import("./nl/data-export").then((m) => m.dataExport),
    departures: () => import("./nl/departures").then((m) => m.departures),
    digest: () => import("./nl/digest").then((m) => m.digest),
    eventPublic: () => import("./nl/event-public").then((m) => m.eventPublic),
    eventRegistrations: () => import("./nl/event-registrations").then((m) => m.eventRegistrations),
    events: () => import("./nl/events").then((m) => m.events),
    intervision: () => import("./nl/intervision").then((m) => m.intervision),
    joining: () => import("./nl/joining").then((m) => m.joining),
    lessons: () => import("./nl/lessons").then((m) => m.lessons),
    members: () => import("./nl/members").then((m) => m.members),
    milestones: () => import("./nl/milestones").then((m) => m.milestones),
    network: () => import("./nl/network").then((m) => m.network),
    notifications: () => import("./nl/notifications").then((m) => m.notifications),
    open: () => import("./nl/open").then((m) => m.open),
    programme: () => import("./nl/programme").then((m) => m.programme),
    programmeMilestones: () => import("./nl/programme-milestones").then((m) => m.programmeMilestones),
    questions: () => import("./nl/questions").then((m) => m.questions),
    publications: () => import("./nl/publications").then((m) => m.publications),
    reflections: () => import("./nl/reflections").then((m) => m.reflections),
    rounds: () => import("./nl/rounds").then((m) => m.rounds),
    sessions: () => import("./nl/sessions").then((m) => m.sessions),
    settings: () => import("./nl/settings").then((m) => m.settings),
  },
  en: {
    admin: () => import("./en/admin").then((m) => m.admin),
    agreements: () => import("./en/agreements").then((m) => m.agreements),
    audit: () => import("./en/audit").then((m) => m.audit),
    dataExport: () => import("./en/data-export").then((m) => m.dataExport),
    departures: () => import("./en/departures").then((m) => m.departures),
    digest: () => import("./en/digest").then((m) => m.digest),
    eventPublic: () => import("./en/event-public").then((m) => m.eventPublic),
    eventRegistrations: () => import("./en/event-registrations").then((m) => m.eventRegistrations),
    events: () => import("./en/events").then((m) => m.events),
    intervision: () => import("./en/intervision").then((m) => m.intervision),
    joining: () => import("./en/joining").then((m) => m.joining),
    lessons: () => import("./en/lessons").then((m) => m.lessons),
    members: () => import("./en/members").then((m) => m.members),
    milestones: () => import("./en/milestones").then((m) => m.milestones),
    network: () => import("./en/network").then((m) => m.network),
    notifications: () => import("./en/notifications").then((m) => m.notifications),
    open: () => import("./en/open").then((m) => m.open),
    programme: () => import("./en/programme").then((m) => m.programme),
    programmeMilestones: () => import("./en/programme-milestones").then((m) => m.programmeMilestones),
    questions: () => import("./en/questions").then((m) => m.questions),
    publications: () => import("./en/publications").then((m) => m.publications),
    reflections: () => import("./en/reflections").then((m) => m.reflections),
    rounds: () => import("./en/rounds").then((m) => m.rounds),
    sessions: () => import("./en/sessions").then((m) => m.sessions),
    settings: () => import("./en/settings").then((m) => m.settings),
  },
} satisfies Record<Locale, Record<string, () => Promise<Dictionary>>>;

export type Area = keyof typeof loaders.nl;

/** The area of each key prefix that is not in the base strings (tests/unit/i18n.areas.test.ts keeps this true). */
const areaOfPrefix: Record<string, Area> = {
  admin: "admin",
  agreement: "agreements",
  audit: "audit",
  dataExport: "dataExport",
  departures: "departures",
  digest: "digest",
  eventPublic: "eventPublic",
  eventRegistrations: "eventRegistrations",
  event: "events",
  intervision: "intervision",
  joining: "joining",
  method: "intervision",
  notes: "intervision",
  lesson: "lessons",
  lessons: "lessons",
  invite: "members",
  members: "members",
  milestone: "milestones",
  milestones: "milestones",
  status: "milestones",
  network: "network",
  notifications: "notifications",
  open: "open",
  programme: "programme",
  programmeMilestones: "programmeMilestones",
  questions: "questions",
  publication: "publications",
  publications: "publications",
  quotes: "publications",
  comments: "reflections",
  reflection: "reflections",
  reflections: "reflections",
  trash: "reflections",
  round: "rounds",
  roundPublic: "rounds",
  visibility: "reflections",
  visits: "open",
  calendar: "sessions",
  poll: "sessions",
  session: "sessions",
  sessions: "sessions",
  settings: "settings",
};

export const areas = Object.keys(loaders.nl) as Area[];

/** The area a key missing from the base strings belongs to. */
export function areaOf(key: string): Area | undefined {
  return areaOfPrefix[key.slice(0, key.indexOf("."))];
}

export function loadAreaStrings(locale: Locale, area: Area): Promise<Dictionary> {
  return loaders[locale][area]();
}
