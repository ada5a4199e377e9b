import type { readers as nl } from "../nl/readers";

export const readers: Record<keyof typeof nl, string> = {
  "readers.toggle": "Who can read this?",
  "readers.anyone": "Anyone with the link, also without an account.",
  "readers.signedIn": "Everyone who is signed in: {people}.",
  "readers.programme": "Everyone in the programme: {coalitions} and the funder, {people} in all.",
  "readers.programme.noFunder": "Everyone in the programme: {coalitions}, {people} in all.",
  "readers.coalitions": "all {count} coalitions",
  "readers.coalitions.one": "the coalition",
  "readers.people": "{count} people",
  "readers.people.one": "1 person",
  "readers.onlyYou": "Only you.",
  "readers.nobody": "Nobody.",
  "readers.participants": "Only the members of this intervision ({people}): not the rest of the coalition, not the funder.",
  "readers.listed": "Who reads this ({people}):",
  "readers.group.participants": "Members of this intervision",
  "readers.group.funder": "The funder",
  "readers.group.admin": "Administration",
  "readers.group.unattached": "Without a coalition",
  "readers.you": "(you)",
};
