import { db } from "../../../../db/db.server";
import { isRowId, requireMembership, type Team, type User } from "../../../auth/permissions.server";
import { translator } from "../../../i18n/dictionaries.server";
import { recordAudit } from "../../audit/audit.server";
import { sendEmail } from "../../mail/email.server";
import type { Refusal } from "../../../ui/form-answer.server";
import { versionInForceOf } from "./in-force.server";
import type { DecisionInput } from "./join-form";

// The join requests of a coalition's agreement, for its facilitators only (members, other coalitions and the
// funder find nothing: 404). A facilitator accepts or declines with a message; the requester hears it by e-mail.
// An accepted organisation becomes a partner and is asked to sign the version in force. Publishing the agreement
// is decided on the same page.

export async function requireAgreementFacilitator(user: User, slug: string | undefined): Promise<Team> {
  return requireMembership(user, slug, "facilitator");
}

export async function joinRequestsPage(team: Team) {
  const [agreement, inForce, requests] = await Promise.all([
    db().selectFrom("agreement").where("coalition_id", "=", team.id).select("published_at as publishedAt").executeTakeFirst(),
    versionInForceOf(team.id),
    db()
      .selectFrom("agreement_join_request")
      .leftJoin("person", "person.id", "agreement_join_request.decided_by")
      .where("agreement_join_request.coalition_id", "=", team.id)
      .select([
        "agreement_join_request.id",
        "agreement_join_request.kind",
        "agreement_join_request.organisation_name as organisationName",
        "agreement_join_request.contact_name as contactName",
        "agreement_join_request.email",
        "agreement_join_request.motivation",
        "agreement_join_request.created_at as createdAt",
        "agreement_join_request.decision",
        "agreement_join_request.decision_message as decisionMessage",
        "agreement_join_request.decided_at as decidedAt",
        "person.name as decidedBy",
      ])
      .orderBy("agreement_join_request.created_at", "desc")
      .execute(),
  ]);
  return {
    publishedAt: agreement?.publishedAt ?? null,
    versionInForce: inForce ? inForce.number : null,
    open: requests.filter((r) => !r.decision).reverse(),
    decided: requests.filter((r) => r.decision).sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime()),
  };
}

/** Shows or hides the agreement at /agreements/:team; showing it needs a version in force. */
export async function setPublished(team: Team, publish: boolean, now = new Date()): Promise<{ ok: true } | Refusal> {
  if (publish) {
    if (!(await versionInForceOf(team.id))) return { ok: false, message: "joining.publish.noVersion" };
    await db()
      .updateTable("agreement")
      .set({ published_at: now })
      .where("coalition_id", "=", team.id)
      .where("published_at", "is", null)
      .execute();
  } else {
    await db().updateTable("agreement").set({ published_at: null }).where("coalition_id", "=", team.id).execute();
  }
  return { ok: true };
}

/**
 * Decides an open request. Accepting an organisation makes it a partner of the coalition and names it on the
 * version in force, so that it is asked to sign; the facilitator chooses its signatory on the agreement page.
 */
export async function decideJoinRequest(
  user: User,
  team: Team,
  input: DecisionInput,
  context: { origin: string; address: string | null; now?: Date },
): Promise<{ ok: true } | Refusal> {
  const now = context.now ?? new Date();
  if (!isRowId(input.requestId)) return { ok: false, message: "joining.error.request" };
  const decided = await db()
    .transaction()
    .execute(async (trx) => {
      const request = await trx
        .selectFrom("agreement_join_request")
        .where("id", "=", input.requestId)
        .where("coalition_id", "=", team.id)
        .where("decision", "is", null)
        .selectAll()
        .forUpdate()
        .executeTakeFirst();
      if (!request) return null;
      let organisationId: string | null = null;
      if (input.decision === "accepted" && request.kind === "organisation") {
        const { last } = await trx
          .selectFrom("organisation")
          .where("coalition_id", "=", team.id)
          .select((eb) => eb.fn.max("position").as("last"))
          .executeTakeFirstOrThrow();
        ({ id: organisationId } = await trx
          .insertInto("organisation")
          .values({
            coalition_id: team.id,
            name: request.organisation_name!,
            kind: input.organisationKind,
            position: (last ?? -1) + 1,
          })
          .returning("id")
          .executeTakeFirstOrThrow());
        const inForce = await trx
          .selectFrom("agreement_version")
          .where("coalition_id", "=", team.id)
          .where("status", "=", "signed")
          .select("id")
          .orderBy("number", "desc")
          .limit(1)
          .executeTakeFirst();
        // Named on the version in force without a signatory yet: the facilitator names one on the agreement page.
        if (inForce) {
          await trx
            .insertInto("agreement_signatory")
            .values({ version_id: inForce.id, organisation_id: organisationId })
            .onConflict((oc) => oc.columns(["version_id", "organisation_id"]).doNothing())
            .execute();
        }
      }
      await trx
        .updateTable("agreement_join_request")
        .set({
          decision: input.decision,
          decision_message: input.message || null,
          decided_at: now,
          decided_by: user.id,
          organisation_id: organisationId,
        })
        .where("id", "=", request.id)
        .execute();
      return request;
    });
  if (!decided) return { ok: false, message: "joining.error.request" };

  await recordAudit({
    kind: input.decision === "accepted" ? "join_request_accepted" : "join_request_declined",
    actorId: user.id,
    coalitionId: team.id,
    address: context.address,
    detail: { requestId: decided.id, kind: decided.kind },
  });
  // Details deleted meanwhile (the address's account was erased): nobody to tell.
  if (!decided.email || !decided.contact_name) return { ok: true };
  const t = translator("nl");
  const key = input.decision === "accepted" ? "joiningMail.accepted" : "joiningMail.declined";
  await sendEmail({
    to: decided.email,
    subject: t(`${key}.subject`, { coalition: team.name }),
    text: [
      t(`${key}.body`, { name: decided.contact_name, coalition: team.name }),
      input.message ? t("joiningMail.message", { message: input.message }) : null,
      t("joiningMail.link", { link: `${context.origin}/agreements/${team.slug}` }),
      t("joiningMail.retention"),
    ]
      .filter(Boolean)
      .join("\n\n"),
  });
  return { ok: true };
}
