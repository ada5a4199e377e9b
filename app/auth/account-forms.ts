import { z } from "zod";
import { newPasswordSchema } from "./password.server";
import { withConfirmation } from "./password-form";

// The schemas of the account pages (log in, forgotten password, settings). Only the actions use them,
// so this module (and zod with it) stays out of the browser bundle: keep it free of anything a
// component needs.

export const loginSchema = z.object({
  email: z.string({ error: "error.required" }).trim().max(320, "error.tooLong.320"),
  password: z.string({ error: "error.required" }).max(200, "error.tooLong.200"),
  redirectTo: z.string().optional(),
});

export const forgotSchema = z.object({
  email: z.email({ error: "error.email" }).max(320, "error.tooLong.320"),
});

export const profileSchema = z.object({
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong.120"),
  language: z.enum(["nl", "en"], { error: "error.choose" }),
});

export const changePasswordSchema = withConfirmation(
  { current: z.string({ error: "error.required" }).max(200, "error.tooLong.200") },
  newPasswordSchema,
);

export const resetSchema = withConfirmation({}, newPasswordSchema);
