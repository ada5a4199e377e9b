import bcrypt from "bcryptjs";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

const BCRYPT_COST = 10; // DESIGN.md §8 asks for at least 10
const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

/** The rule for every new password: at least 10 characters and not on the list of common passwords. */
export const newPasswordSchema = z
  .string({ error: "error.required" })
  .min(10, "error.passwordShort")
  .max(200, "error.tooLong.200")
  .refine((p) => !common.has(p.toLowerCase()), "error.passwordCommon");

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
