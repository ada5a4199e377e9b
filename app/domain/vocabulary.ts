import type { OrganisationKind, Perspective, TeamRole, Visibility } from "../../db/schema";

// The fixed choices of the product, in display order; shared by forms, pages and queries.
export const perspectives = ["resident", "volunteer", "professional"] as const satisfies readonly Perspective[];
export const visibilities = ["private", "team", "network"] as const satisfies readonly Visibility[];
/** Empty partner rows on the coalition form, so that organisations can be added without JavaScript. */
export const BLANK_PARTNER_ROWS = 3;
export const MAX_PARTNERS = 40;

export const teamRoles = ["member", "facilitator"] as const satisfies readonly TeamRole[];
export const organisationKinds = [
  "residents_initiative",
  "welfare",
  "municipality",
  "other",
] as const satisfies readonly OrganisationKind[];
