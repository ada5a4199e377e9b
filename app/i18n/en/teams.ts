import type { teams as nl } from "../nl/teams";

export const teams: Record<keyof typeof nl, string> = {
  "teams.title": "Coalitions",
  "teams.intro": "The coalitions in the learning programme: residents' initiatives and welfare organisations learning to work together.",
  "teams.members": "{count} participants",
  "teams.partners": "Partners",
  "teams.yours": "Your coalition",
  "teams.none": "There are no coalitions yet.",
  "team.about": "About this coalition",
  "team.partners": "Partner organisations",
  "team.members": "Participants by perspective",
  "team.membersNone": "Nobody with this perspective yet.",
  "team.manageMembers": "Manage participants and invitations",
  "team.yourRole": "Your role: {role}",
  "programme.title": "Programme",
  "programme.intro": "All coalitions side by side.",
  "programme.coalition": "Coalition",
  "programme.place": "Place",
  "programme.partners": "Partners",
  "programme.perspective": "Participants by perspective",
  "programme.total": "Total",
};
