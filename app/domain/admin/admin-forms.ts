import { z } from "zod";

// The schemas of the admin pages for accounts and invitations. Only the actions use them, so this
// module (and zod with it) stays out of the browser bundle: components import only its types.

export const accountSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"], { error: "admin.accounts.invalid" }),
  personId: z.uuid("admin.accounts.invalid"),
});

const email = z.email({ error: "error.email" }).max(320, "error.tooLong.320");
const language = z.enum(["nl", "en"], { error: "error.choose" });

export const facilitatorSchema = z.object({
  email,
  coalitionId: z.string({ error: "error.choose" }).max(64, "error.choose"),
  language,
});
export const funderSchema = z.object({ email, language });

export type FacilitatorInvitationForm = z.input<typeof facilitatorSchema>;
export type FunderInvitationForm = z.input<typeof funderSchema>;
