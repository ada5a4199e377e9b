import { sql } from "kysely";
import { db } from "../../db/db.server";
import type { Perspective, TeamRole } from "../../db/schema";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { hashToken, newToken } from "../auth/tokens.server";
import { translator } from "../i18n/i18n";
import { normaliseEmail } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { publicUrl, sendEmail } from "./email.server";

export const INVITATION_DAYS = 14;

export type InvitationTarget =
  | { kind: "team"; coalitionId: string; role: TeamRole }
  | { kind: "funder" };

/** Creates an invitation and e-mails its one-time link. Callers check who may invite whom. */
export async function createInvitation(
  input: { email: string; target: InvitationTarget; invitedBy: string; language?: "nl" | "en" },
  request: Request,
): Promise<void> {
  const email = normaliseEmail(input.email);
  const { token, hash } = newToken();
  const team = input.target.kind === "team" ? input.target : null;
  const invitation = await db()
    .insertInto("invitation")
    .values({
      token_hash: hash,
      email,
      account_role: team ? "participant" : "funder",
      coalition_id: team?.coalitionId ?? null,
      role: team?.role ?? null,
      invited_by: input.invitedBy,
      expires_at: new Date(Date.now() + INVITATION_DAYS * 864e5),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [inviter, coalition] = await Promise.all([
    db().selectFrom("person").where("id", "=", input.invitedBy).select("name").executeTakeFirst(),
    team ? db().selectFrom("coalition").where("id", "=", team.coalitionId).select("name").executeTakeFirst() : undefined,
  ]);
  const t = translator(input.language ?? "nl");
  await sendEmail({
    to: email,
    subject: t("mail.invite.subject"),
    text: t("mail.invite.body", {
      inviter: inviter?.name ?? "",
      where: coalition ? coalition.name : t("mail.invite.programme"),
      link: `${publicUrl(request)}/invite/${token}`,
      days: INVITATION_DAYS,
    }),
  });
  await recordAudit({
    kind: "invite",
    actorId: input.invitedBy,
    coalitionId: team?.coalitionId ?? null,
    detail: { invitationId: invitation.id, role: team?.role ?? "funder" },
  });
}

/** An invitation that can still be used: not accepted, not revoked, not older than 14 days. */
export async function findOpenInvitation(token: string) {
  const invitation = await db()
    .selectFrom("invitation")
    .leftJoin("coalition", "coalition.id", "invitation.coalition_id")
    .where("invitation.token_hash", "=", hashToken(token))
    .where("invitation.accepted_at", "is", null)
    .where("invitation.revoked_at", "is", null)
    .where("invitation.expires_at", ">", sql<Date>`now()`)
    .select([
      "invitation.id",
      "invitation.email",
      "invitation.account_role",
      "invitation.coalition_id",
      "invitation.role",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
    ])
    .executeTakeFirst();
  if (!invitation) return undefined;
  const [existing, organisations] = await Promise.all([
    db().selectFrom("person").where("email", "=", invitation.email).select(["id", "name"]).executeTakeFirst(),
    invitation.coalition_id
      ? db()
          .selectFrom("organisation")
          .where("coalition_id", "=", invitation.coalition_id)
          .select(["id", "name"])
          .orderBy("position")
          .execute()
      : [],
  ]);
  return { ...invitation, existingPersonId: existing?.id ?? null, organisations };
}

export type Acceptance = {
  name: string;
  password: string;
  perspective?: Perspective;
  organisationId?: string | null;
};

export type AcceptResult =
  | { ok: true; personId: string; coalitionSlug: string | null }
  | { ok: false; reason: "gone" | "wrongPassword" | "organisation" };

/**
 * Uses up the invitation: a new person sets name and password; a person who already has an account
 * proves it with their password. Team invitations add the membership.
 */
export async function acceptInvitation(token: string, input: Acceptance): Promise<AcceptResult> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return { ok: false, reason: "gone" };
  if (input.organisationId && !invitation.organisations.some((o) => o.id === input.organisationId)) {
    return { ok: false, reason: "organisation" };
  }
  if (invitation.existingPersonId) {
    const person = await db()
      .selectFrom("person")
      .where("id", "=", invitation.existingPersonId)
      .select("password_hash")
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(input.password, person.password_hash))) return { ok: false, reason: "wrongPassword" };
  }
  const passwordHash = invitation.existingPersonId ? null : await hashPassword(input.password);

  return db().transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("invitation")
      .set({ accepted_at: new Date() })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false as const, reason: "gone" as const };

    const personId =
      invitation.existingPersonId ??
      (
        await trx
          .insertInto("person")
          .values({
            email: invitation.email,
            name: input.name,
            password_hash: passwordHash!,
            account_role: invitation.account_role === "funder" ? "funder" : "participant",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    if (invitation.existingPersonId && invitation.account_role === "funder") {
      await trx.updateTable("person").set({ account_role: "funder" }).where("id", "=", personId).execute();
    }
    if (invitation.coalition_id && invitation.role) {
      await trx
        .insertInto("membership")
        .values({
          coalition_id: invitation.coalition_id,
          person_id: personId,
          role: invitation.role,
          perspective: input.perspective ?? "resident",
          organisation_id: input.organisationId ?? null,
        })
        .onConflict((oc) => oc.columns(["coalition_id", "person_id"]).doUpdateSet({ role: invitation.role! }))
        .execute();
    }
    await trx
      .insertInto("audit_event")
      .values({
        kind: "invitation_accepted",
        actor_id: personId,
        subject_id: personId,
        coalition_id: invitation.coalition_id,
        detail: JSON.stringify({ invitationId: invitation.id }),
      })
      .execute();
    return { ok: true as const, personId, coalitionSlug: invitation.coalitionSlug };
  });
}
