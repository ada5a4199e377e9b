import type { departures as nl } from "../nl/departures";

export const departures: Record<keyof typeof nl, string> = {
  "departures.formerMember": "Former member",
  "departures.formerParticipant": "Former participant",
};
