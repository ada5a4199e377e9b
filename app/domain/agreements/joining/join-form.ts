import { z } from "zod";

// The forms of joining an agreement: the outsider's request on the public page, the facilitator's decision and
// publishing. Only actions import this module, so zod stays out of the browser bundle.

const text = (max: 120 | 200 | 2000, required: "joining.public.error.contactName" | "joining.public.error.motivation" | "joining.public.error.organisationName") =>
  z.string({ error: required }).trim().min(1, required).max(max, `error.tooLong.${max}`);

export const joinRequestSchema = z
  .object({
    kind: z.enum(["organisation", "individual"], { error: "joining.public.error.kind" }),
    organisationName: z.string().trim().max(200, "error.tooLong.200").optional(),
    contactName: text(120, "joining.public.error.contactName"),
    email: z
      .string({ error: "error.required" })
      .trim()
      .max(320, "error.tooLong.320")
      .pipe(z.email({ error: "error.email" })),
    motivation: text(2000, "joining.public.error.motivation"),
    // The honeypot: people never see it, form-filling robots do. Never an error, so a robot learns nothing.
    website: z.string().optional().catch(undefined),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "organisation" && !value.organisationName) {
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: "joining.public.error.organisationName" });
    }
  });
export type JoinRequestInput = z.output<typeof joinRequestSchema>;

export const organisationKinds = ["welfare", "residents_initiative", "municipality", "other"] as const;

export const decisionSchema = z.object({
  intent: z.literal("decide"),
  requestId: z.string({ error: "joining.error.request" }).max(100),
  decision: z.enum(["accepted", "declined"], { error: "joining.error.decision" }),
  message: z.string().trim().max(2000, "error.tooLong.2000").optional(),
  organisationKind: z.enum(organisationKinds).default("other"),
});
export type DecisionInput = z.output<typeof decisionSchema>;

export const publishSchema = z.object({
  intent: z.literal("publish"),
  publish: z.enum(["yes", "no"]),
});
