import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Perspective, TeamRole } from "../../../db/schema";
import { hashPassword } from "../../auth/password.server";
import { hashToken, newToken } from "../../auth/tokens.server";
import { translator } from "../../i18n/dictionaries.server";
import { authenticate, normaliseEmail } from "./accounts.server";
import { recordAudit } from "../audit/audit.server";
import { publicUrl, sendEmail } from "../mail/email.server";

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
    .leftJoin("person as inviter", "inviter.id", "invitation.invited_by")
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
      "invitation.expires_at",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "inviter.name as inviterName",
    ])
    .executeTakeFirst();
  if (!invitation) return undefined;
  const [existing, organisations] = await Promise.all([
    db()
      .selectFrom("person")
      .where("email", "=", invitation.email)
      .select(["id", "name", "account_role"])
      .executeTakeFirst(),
    invitation.coalition_id
      ? db()
          .selectFrom("organisation")
          .where("coalition_id", "=", invitation.coalition_id)
          .select(["id", "name"])
          .orderBy("position")
          .orderBy("name")
          .execute()
      : ([] as { id: string; name: string }[]),
  ]);
  return {
    ...invitation,
    existingPersonId: existing?.id ?? null,
    existingAccountRole: existing?.account_role ?? null,
    organisations,
  };
}

export type OpenInvitation = NonNullable<Awaited<ReturnType<typeof findOpenInvitation>>>;

/**
 * Team workspaces are for participants: an admin does not read team content (DESIGN.md §2) and a
 * funder reads only what is shared, so neither can join a coalition through an invitation.
 */
export function canJoinTeam(accountRole: string | null): boolean {
  return accountRole === null || accountRole === "participant";
}

/** Why a link no longer works, to tell the invitee in plain words. */
export async function closedInvitationReason(token: string): Promise<"unknown" | "used" | "withdrawn" | "expired"> {
  const invitation = await db()
    .selectFrom("invitation")
    .where("token_hash", "=", hashToken(token))
    .select(["accepted_at", "revoked_at"])
    .executeTakeFirst();
  if (!invitation) return "unknown";
  if (invitation.accepted_at) return "used";
  if (invitation.revoked_at) return "withdrawn";
  return "expired";
}

export type Acceptance = {
  name: string;
  password: string;
  perspective?: Perspective;
  organisationId?: string | null;
  /** The client's address, so that proving an existing account's password is throttled like a login. */
  address?: string;
};

export type AcceptResult =
  | { ok: true; personId: string; coalitionSlug: string | null }
  | { ok: false; reason: "gone" | "wrongPassword" | "throttled" | "organisation" | "accountRole" };

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
  if (invitation.coalition_id && !canJoinTeam(invitation.existingAccountRole)) {
    return { ok: false, reason: "accountRole" };
  }
  if (invitation.existingPersonId) {
    // Proving an existing account is a login: throttled, recorded, refused for a deactivated account.
    const login = await authenticate(invitation.email, input.password, input.address ?? "unknown");
    if (!login.ok) return { ok: false, reason: login.reason === "throttled" ? "throttled" : "wrongPassword" };
  }
  const passwordHash = invitation.existingPersonId ? null : await hashPassword(input.password);

  return db().transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("invitation")
      .set({ accepted_at: new Date() })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      // withdrawn or expired between reading and using it: still refused
      .where("revoked_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
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
      // never turns an admin into a funder
      await trx
        .updateTable("person")
        .set({ account_role: "funder" })
        .where("id", "=", personId)
        .where("account_role", "=", "participant")
        .execute();
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
        .onConflict((oc) =>
          oc.columns(["coalition_id", "person_id"]).doUpdateSet({
            role: invitation.role!,
            perspective: input.perspective ?? "resident",
            organisation_id: input.organisationId ?? null,
          }),
        )
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
