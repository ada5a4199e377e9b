import { z } from "zod";
import { richTextField } from "../../richtext/schema";
import { isoDayField } from "../form-fields";

// The agreement's forms, apart from the server code so that pages can use them without the database.

const name = z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong.200");
const version = z.coerce.number({ error: "error.required" }).int();

export const visionSchema = z.object({ vision: richTextField({ required: true }), version });

/** An article: a title and a text (both required), and the round themes it came from. */
export const articleSchema = z.object({
  title: name,
  body: richTextField({ required: true }),
  sources: z.array(z.uuid({ error: "error.choose" })).max(50).optional(),
  version: version.optional(),
});

export const moveArticleSchema = z.object({ article: z.uuid({ error: "error.choose" }), direction: z.enum(["up", "down"], { error: "error.choose" }) });
export const removeArticleSchema = z.object({ article: z.uuid({ error: "error.choose" }) });

/** Who signs for a partner: a member of the coalition, or someone without an account (name and address). */
export const signatorySchema = z
  .object({
    organisation: z.uuid({ error: "error.choose" }),
    who: z.enum(["member", "outsider"], { error: "error.choose" }),
    person: z.uuid({ error: "error.choose" }).optional(),
    name: name.optional(),
    email: z.email({ error: "agreement.error.email" }).trim().max(254, "agreement.error.email").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.who === "member" && !value.person) ctx.addIssue({ code: "custom", path: ["person"], message: "error.choose" });
    if (value.who === "outsider" && !value.name) ctx.addIssue({ code: "custom", path: ["name"], message: "error.required" });
    if (value.who === "outsider" && !value.email) ctx.addIssue({ code: "custom", path: ["email"], message: "agreement.error.email" });
  });

/** A signature: name, function and date, after reading the whole text. */
export const signatureSchema = z.object({
  name,
  function: name,
  signedOn: isoDayField,
  read: z.literal("yes", { error: "agreement.error.readFirst" }),
  version: z.coerce.number({ error: "error.required" }).int(),
});

export const reviewSchema = z.object({ reviewOn: isoDayField.optional() });

export type SignatoryForm = z.infer<typeof signatorySchema>;
export type SignatureForm = z.infer<typeof signatureSchema>;

/** A button that only says what to do (begin, propose, revise): nothing to fill in. */
export const intentSchema = z.object({ intent: z.enum(["start", "revise", "propose"], { error: "error.choose" }) });
