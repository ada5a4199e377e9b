import { z } from "zod";

/** "New password" plus "repeat it", for any form that sets a password. */
export function withConfirmation<T extends z.ZodRawShape>(shape: T, password: z.ZodType<string>) {
  return z
    .object({ ...shape, password, confirm: z.string({ error: "error.required" }) })
    .refine((v) => (v as { password: string }).password === (v as { confirm: string }).confirm, {
      path: ["confirm"],
      message: "error.passwordMismatch",
    });
}
