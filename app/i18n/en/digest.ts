import type { digest as nl } from "../nl/digest";

export const digest: Record<keyof typeof nl, string> = {
  "digest.nav": "Programme digest",
  "digest.title": "Programme digest",
  "digest.titlePeriod": "Programme digest {from} to {to}",
  "digest.intro":
    "Per coalition: what it shared with the network in this period, how its milestones changed and how many intervision sessions took place. What teams keep to themselves and what is discussed in intervision is not in it.",
  "digest.period": "Period",
  "digest.from": "From",
  "digest.to": "To (inclusive)",
  "digest.show": "Show digest",
  "digest.print": "Print / save as PDF",
  "digest.invalid": "Choose a valid period to see the digest.",
  "digest.error.order": "This date is before the start date.",
  "digest.error.tooLong": "Choose a period of at most 366 days.",
  "digest.nothing": "Nothing in this period.",
  "digest.shared": "Shared with the network",
  "digest.shared.none": "Nothing shared with the network in this period.",
  "digest.by": "by {name}",
  "digest.milestones": "Milestones",
  "digest.milestones.none": "No milestones changed in this period.",
  "digest.sessions": "Intervision",
  "digest.sessions.none": "No intervision sessions held in this period.",
  "digest.sessions.caption": "Intervision sessions of {coalition}",
  "digest.sessions.day": "Date",
  "digest.sessions.method": "Method",
};
