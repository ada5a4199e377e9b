import { z } from "zod";
import type { OrganisationKind } from "../../../db/schema";
import { BLANK_PARTNER_ROWS, MAX_PARTNERS, organisationKinds } from "../vocabulary";


const partnerRow = z.object({
  partnerId: z.uuid("admin.accounts.invalid").optional(),
  name: z.string().trim().max(120, "error.tooLong.120").optional(),
  kind: z.enum(organisationKinds, { error: "error.choose" }).optional(),
  remove: z.boolean().optional(),
});
type PartnerRow = z.infer<typeof partnerRow>;
const removes = (row: PartnerRow) => Boolean(row.remove && row.partnerId);
const isBlank = (row: PartnerRow) => !row.partnerId && !row.name && !row.kind;

export type PartnerInput = { partnerId?: string; name: string; kind: OrganisationKind };

/**
 * The partner rows of the coalition form: a row with an id is an existing organisation (kept, renamed or
 * removed), a filled-in row without one is new, a blank row is skipped.
 */
const partnerRows = z
  .array(partnerRow)
  .max(MAX_PARTNERS + BLANK_PARTNER_ROWS, "admin.partner.tooMany")
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (removes(row) || isBlank(row)) return;
      if (!row.name) ctx.addIssue({ code: "custom", path: [index, "name"], message: "error.required" });
      if (!row.kind) ctx.addIssue({ code: "custom", path: [index, "kind"], message: "error.choose" });
      const key = row.name?.toLocaleLowerCase("nl");
      if (key && seen.has(key)) {
        ctx.addIssue({ code: "custom", path: [index, "name"], message: "admin.partner.duplicate" });
      }
      if (key) seen.add(key);
    });
  })
  .transform((rows) => ({
    keep: rows
      .filter((row) => !removes(row) && !isBlank(row))
      .map((row): PartnerInput => ({ partnerId: row.partnerId, name: row.name!, kind: row.kind! })),
    removeIds: rows.filter(removes).map((row) => row.partnerId!),
  }));

export const coalitionSchema = z.object({
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong.120"),
  slug: z
    .string({ error: "error.required" })
    .trim()
    .max(60, "error.tooLong.60")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "error.slug"),
  place: z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong.120"),
  description: z.string().trim().max(2000, "error.tooLong.2000").default(""),
  partners: partnerRows,
});

export type CoalitionInput = z.output<typeof coalitionSchema>;
