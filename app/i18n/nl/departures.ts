// Leaving a coalition, deleting an account, and the 30 days to change one's mind.
export const departures = {
  "departures.formerMember": "Voormalig lid",
  "departures.formerParticipant": "Voormalig deelnemer",
};
