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
  "readers.participants": "Only the participants of this session ({people}): not the rest of the team, not the funder.",
  "readers.listed": "These {people}:",
  "readers.group.participants": "Participants of this session",
  "readers.group.funder": "The funder",
  "readers.group.admin": "Administration",
  "readers.group.unattached": "Without a coalition",
  "readers.you": "(you)",
};
