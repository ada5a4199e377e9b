import type { OrganisationKind, Perspective, TeamRole } from "../../db/schema";

// The fixed choices of the product, in display order; shared by forms, pages and queries.
export const perspectives = ["resident", "volunteer", "professional"] as const satisfies readonly Perspective[];
export const teamRoles = ["member", "facilitator"] as const satisfies readonly TeamRole[];
export const organisationKinds = [
  "residents_initiative",
  "welfare",
  "municipality",
  "other",
] as const satisfies readonly OrganisationKind[];
