import { z } from "zod";
import { newPasswordSchema } from "../../auth/password.server";
import { withConfirmation } from "../../auth/password-form";
import type { OpenInvitation } from "../accounts/invitations.server";
import { perspectives, teamRoles } from "../vocabulary";

// The schemas of a team's members page and of accepting an invitation. Only the actions use them, so
// this module (and zod with it) stays out of the browser bundle: components take the allowed values
// from ./vocabulary, never from here.

const roleField = z.enum(teamRoles, { error: "error.choose" });

export const inviteSchema = z.object({
  email: z
    .string({ error: "error.required" })
    .trim()
    .max(320, "error.tooLong.320")
    .pipe(z.email({ error: "error.email" })),
  role: roleField,
});
export const roleSchema = z.object({ membershipId: z.string({ error: "error.required" }), role: roleField });
export const removeSchema = z.object({ membershipId: z.string({ error: "error.required" }) });
export const withdrawSchema = z.object({ invitationId: z.string({ error: "error.required" }) });

const nameField = z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong.120");
const currentPassword = z.string({ error: "error.required" }).max(200, "error.tooLong.200");
const teamFields = {
  perspective: z.enum(perspectives, { error: "error.choose" }),
  organisationId: z.string().max(100, "error.tooLong.100").optional(),
};

/** The form depends on the invitation: a new account sets name and password; a team needs a perspective. */
export function acceptanceSchema(invitation: Pick<OpenInvitation, "coalition_id" | "existingPersonId">) {
  const team = Boolean(invitation.coalition_id);
  if (invitation.existingPersonId) {
    return team ? z.object({ password: currentPassword, ...teamFields }) : z.object({ password: currentPassword });
  }
  return team
    ? withConfirmation({ name: nameField, ...teamFields }, newPasswordSchema)
    : withConfirmation({ name: nameField }, newPasswordSchema);
}
