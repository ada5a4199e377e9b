import { sql, type ExpressionBuilder } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, Language } from "../../../db/schema";
import { isRowId, notFound, requireAdmin, rowIdOrNotFound, type User } from "../../auth/permissions.server";
import { endAllSessions } from "../../auth/session.server";
import type { MessageKey } from "../../i18n/i18n";
import { normaliseEmail } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { listCoalitions, listPartners } from "../coalitions/coalitions.server";
import type { CoalitionInput } from "../coalitions/coalition-form";
import { listOutbox, mailStaysInOutbox, sendFailedMailAgain } from "../mail/email.server";
import { createInvitation } from "../accounts/invitations.server";

// The admin runs the installation: coalitions, accounts, invitations, the outbox. Never team content.

/** What a save that the database refused says, per field, in message keys. */
export type Refusal<Field extends string> = { ok: false; fieldErrors: Partial<Record<Field, MessageKey[]>> };


function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

// ---------------------------------------------------------------- overview

export async function adminOverview(user: User) {
  requireAdmin(user);
  const [coalitions, accounts, invitations] = await Promise.all([
    listCoalitions(),
    db()
      .selectFrom("person")
      .select([
        sql<string>`count(*) filter (where deactivated_at is null)`.as("active"),
        sql<string>`count(*) filter (where deactivated_at is not null)`.as("deactivated"),
      ])
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom("invitation")
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .select(({ fn }) => fn.countAll<string>().as("open"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    coalitions,
    accounts: { active: Number(accounts.active), deactivated: Number(accounts.deactivated) },
    openInvitations: Number(invitations.open),
    outbox: mailStaysInOutbox(),
  };
}

// ---------------------------------------------------------------- coalitions

async function slugTakenBy(slug: string, exceptId?: string): Promise<boolean> {
  let query = db().selectFrom("coalition").where("slug", "=", slug).select("id");
  if (exceptId) query = query.where("id", "!=", exceptId);
  return Boolean(await query.executeTakeFirst());
}

const slugTaken: Refusal<"slug"> = { ok: false, fieldErrors: { slug: ["error.slugTaken"] } };

export async function createCoalition(
  user: User,
  input: CoalitionInput,
): Promise<{ ok: true; id: string } | Refusal<"slug">> {
  requireAdmin(user);
  if (await slugTakenBy(input.slug)) return slugTaken;
  try {
    const id = await db().transaction().execute(async (trx) => {
      const coalition = await trx
        .insertInto("coalition")
        .values({ slug: input.slug, name: input.name, place: input.place, description: input.description })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (input.partners.keep.length > 0) {
        await trx
          .insertInto("organisation")
          .values(
            input.partners.keep.map((p, position) => ({
              coalition_id: coalition.id,
              name: p.name,
              kind: p.kind,
              position,
            })),
          )
          .execute();
      }
      return coalition.id;
    });
    return { ok: true, id };
  } catch (error) {
    // Two admins choosing the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}

/** A coalition with its partners, as the edit form shows it. */
export async function getCoalitionForEdit(user: User, id: string | undefined) {
  requireAdmin(user);
  const coalition = await db()
    .selectFrom("coalition")
    .where("id", "=", rowIdOrNotFound(id))
    .select(["id", "slug", "name", "place", "description"])
    .executeTakeFirst();
  if (!coalition) throw notFound();
  return { ...coalition, partners: await listPartners(coalition.id) };
}

/**
 * Saves the coalition and its partner organisations in one go: renames and kind changes, removals
 * (members of a removed organisation keep their membership, without organisation) and additions.
 */
export async function updateCoalition(
  user: User,
  id: string | undefined,
  input: CoalitionInput,
): Promise<{ ok: true } | Refusal<"slug">> {
  requireAdmin(user);
  const coalitionId = rowIdOrNotFound(id);
  if (await slugTakenBy(input.slug, coalitionId)) return slugTaken;
  try {
    await db().transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("coalition")
        .set({ slug: input.slug, name: input.name, place: input.place, description: input.description })
        .where("id", "=", coalitionId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw notFound();
      // Every organisation id is checked against this coalition, so a tampered id changes nothing elsewhere.
      if (input.partners.removeIds.length > 0) {
        await trx
          .deleteFrom("organisation")
          .where("coalition_id", "=", coalitionId)
          .where("id", "in", input.partners.removeIds)
          .execute();
      }
      for (const [position, partner] of input.partners.keep.entries()) {
        if (partner.partnerId) {
          await trx
            .updateTable("organisation")
            .set({ name: partner.name, kind: partner.kind, position })
            .where("id", "=", partner.partnerId)
            .where("coalition_id", "=", coalitionId)
            .execute();
        } else {
          await trx
            .insertInto("organisation")
            .values({ coalition_id: coalitionId, name: partner.name, kind: partner.kind, position })
            .execute();
        }
      }
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}

/** The coalitions to choose from when inviting a facilitator. */
export async function listCoalitionChoices(user: User) {
  requireAdmin(user);
  return db().selectFrom("coalition").select(["id", "name", "place"]).orderBy("name").execute();
}

// ---------------------------------------------------------------- accounts

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  accountRole: "participant" | "funder" | "admin";
  deactivatedAt: Date | null;
  isSelf: boolean;
  memberships: { coalition: string; role: "member" | "facilitator" }[];
};

/**
 * Erased accounts, the stand-ins for former members, and accounts their owner deleted (final after 30 days,
 * undone only by the owner's restore link) are nobody's account any more.
 */
function isStillAnAccount(eb: ExpressionBuilder<Database, "person">) {
  const { and, not, exists, selectFrom } = eb;
  return and([
    eb("person.erased_at", "is", null),
    not(
      exists(
        selectFrom("departure")
          .whereRef("departure.person_id", "=", "person.id")
          .where("departure.coalition_id", "is", null)
          .where("departure.restored_at", "is", null),
      ),
    ),
  ]);
}

/** Every account: who it is, what kind of account, in which coalitions, and whether it is active. */
export async function listAccounts(user: User): Promise<AccountRow[]> {
  requireAdmin(user);
  const [people, memberships] = await Promise.all([
    db()
      .selectFrom("person")
      .where(isStillAnAccount)
      .select(["id", "name", "email", "account_role", "deactivated_at"])
      .orderBy("name")
      .orderBy("email")
      .execute(),
    db()
      .selectFrom("membership")
      .innerJoin("coalition", "coalition.id", "membership.coalition_id")
      .select(["membership.person_id", "coalition.name", "membership.role"])
      .orderBy("coalition.name")
      .execute(),
  ]);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    accountRole: p.account_role,
    deactivatedAt: p.deactivated_at,
    isSelf: p.id === user.id,
    memberships: memberships
      .filter((m) => m.person_id === p.id)
      .map((m) => ({ coalition: m.name, role: m.role })),
  }));
}

/**
 * Deactivates an account: no more logins, and every session of the person ends at once.
 * An admin cannot lock themselves out.
 */
export async function deactivateAccount(
  user: User,
  personId: string,
): Promise<{ ok: true } | { ok: false; reason: "self" }> {
  requireAdmin(user);
  if (personId === user.id) return { ok: false, reason: "self" };
  const person = await db()
    .selectFrom("person")
    .where("id", "=", rowIdOrNotFound(personId))
    .select("id")
    .executeTakeFirst();
  if (!person) throw notFound();
  const changed = await db()
    .updateTable("person")
    .set({ deactivated_at: new Date() })
    .where("id", "=", person.id)
    .where("deactivated_at", "is", null)
    .executeTakeFirst();
  await endAllSessions(person.id);
  if (Number(changed.numUpdatedRows) === 1) {
    await recordAudit({ kind: "deactivation", actorId: user.id, subjectId: person.id });
  }
  return { ok: true };
}

export async function reactivateAccount(user: User, personId: string): Promise<void> {
  requireAdmin(user);
  const person = await db()
    .selectFrom("person")
    .where("id", "=", rowIdOrNotFound(personId))
    // An account whose owner deleted it comes back only through the owner's own restore link.
    .where(isStillAnAccount)
    .select("id")
    .executeTakeFirst();
  if (!person) throw notFound();
  const changed = await db()
    .updateTable("person")
    .set({ deactivated_at: null })
    .where("id", "=", person.id)
    .where("deactivated_at", "is not", null)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 1) {
    await recordAudit({ kind: "reactivation", actorId: user.id, subjectId: person.id });
  }
}

// ---------------------------------------------------------------- invitations

type InviteRefusal = Refusal<"email" | "coalitionId">;

/**
 * Who may not be invited: a deactivated account (it could not log in afterwards) and an administrator
 * (administrators stay out of teams and out of the funder's role).
 */
async function refuseInvitee(
  email: string,
  coalitionId: string | null,
): Promise<InviteRefusal | null> {
  const person = await db()
    .selectFrom("person")
    .where("email", "=", normaliseEmail(email))
    .select(["id", "account_role", "deactivated_at"])
    .executeTakeFirst();
  if (!person) return null;
  const refuse = (key: MessageKey): InviteRefusal => ({ ok: false, fieldErrors: { email: [key] } });
  if (person.deactivated_at) return refuse("admin.invite.deactivated");
  if (person.account_role === "admin") return refuse("admin.invite.adminAccount");
  if (!coalitionId) return person.account_role === "funder" ? refuse("admin.invite.alreadyFunder") : null;
  const facilitator = await db()
    .selectFrom("membership")
    .where("person_id", "=", person.id)
    .where("coalition_id", "=", coalitionId)
    .where("role", "=", "facilitator")
    .select("id")
    .executeTakeFirst();
  return facilitator ? refuse("admin.invite.alreadyFacilitator") : null;
}

export async function inviteFacilitator(
  user: User,
  input: { email: string; coalitionId: string; language: Language },
  request: Request,
): Promise<{ ok: true } | InviteRefusal> {
  requireAdmin(user);
  const coalition = isRowId(input.coalitionId)
    ? await db().selectFrom("coalition").where("id", "=", input.coalitionId).select("id").executeTakeFirst()
    : undefined;
  if (!coalition) return { ok: false, fieldErrors: { coalitionId: ["error.choose"] } };
  const refusal = await refuseInvitee(input.email, coalition.id);
  if (refusal) return refusal;
  await createInvitation(
    {
      email: input.email,
      target: { kind: "team", coalitionId: coalition.id, role: "facilitator" },
      invitedBy: user.id,
      language: input.language,
    },
    request,
  );
  return { ok: true };
}

export async function inviteFunder(
  user: User,
  input: { email: string; language: Language },
  request: Request,
): Promise<{ ok: true } | InviteRefusal> {
  requireAdmin(user);
  const refusal = await refuseInvitee(input.email, null);
  if (refusal) return refusal;
  await createInvitation(
    { email: input.email, target: { kind: "funder" }, invitedBy: user.id, language: input.language },
    request,
  );
  return { ok: true };
}

export type InvitationStatus = "open" | "accepted" | "expired" | "revoked";

function statusOf(
  invitation: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now: number,
): InvitationStatus {
  if (invitation.accepted_at) return "accepted";
  if (invitation.revoked_at) return "revoked";
  return new Date(invitation.expires_at).getTime() <= now ? "expired" : "open";
}

/** The latest invitations of the whole installation, with where they lead and what became of them. */
export async function listRecentInvitations(user: User, limit = 50) {
  requireAdmin(user);
  const rows = await db()
    .selectFrom("invitation")
    .leftJoin("coalition", "coalition.id", "invitation.coalition_id")
    .select([
      "invitation.id",
      "invitation.email",
      "invitation.account_role",
      "invitation.role",
      "invitation.created_at",
      "invitation.expires_at",
      "invitation.accepted_at",
      "invitation.revoked_at",
      "coalition.name as coalitionName",
    ])
    .orderBy("invitation.created_at", "desc")
    .orderBy("invitation.id")
    .limit(limit)
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    coalitionName: r.coalitionName,
    role: r.account_role === "funder" ? ("funder" as const) : (r.role ?? "member"),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: statusOf(r, now),
  }));
}

// ---------------------------------------------------------------- outbox

/**
 * The outbox, newest first, with each mail's state. The text of the mails only while no mail server is configured
 * (the demo): once mail is really sent, its password and invitation links are for the addressee alone.
 */
export async function readOutbox(user: User) {
  requireAdmin(user);
  const showText = mailStaysInOutbox();
  const messages = await listOutbox(100);
  return { showText, messages: messages.map((m) => ({ ...m, body_text: showText ? m.body_text : null })) };
}

/** The admin sends a mail that failed again; recorded in the audit log (which mail, not what it says). */
export async function sendMailAgain(user: User, outboxId: string, address: string | null): Promise<void> {
  requireAdmin(user);
  if (!/^\d{1,18}$/.test(outboxId) || !(await sendFailedMailAgain(outboxId))) throw notFound();
  await recordAudit({ kind: "mail_resent", actorId: user.id, address, detail: { mail: outboxId } });
}
