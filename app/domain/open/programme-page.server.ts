import { db } from "../../../db/db.server";
import { notFound } from "../../auth/permissions.server";

// /open: the programme's public face, for anyone (no account, no JavaScript). Per coalition only what the
// coalition itself made public: its name, place, description and partners (as on its public agreement), a link
// to its agreement once published with a version in force, and its coming public events. No names of members,
// no written items.

/** Coming public events shown per coalition; the rest are one click away on the event pages. */
export const EVENTS_PER_COALITION = 5;

export async function programmePage(now = new Date()) {
  const [coalitions, partners, published, events] = await Promise.all([
    db().selectFrom("coalition").select(["id", "slug", "name", "place", "description"]).orderBy("name").execute(),
    db().selectFrom("organisation").select(["coalition_id as coalitionId", "name"]).orderBy("position").orderBy("name").execute(),
    db()
      .selectFrom("agreement")
      .where("published_at", "is not", null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("agreement_version")
            .whereRef("agreement_version.coalition_id", "=", "agreement.coalition_id")
            .where("agreement_version.status", "=", "signed")
            .select("agreement_version.id"),
        ),
      )
      .select("coalition_id as coalitionId")
      .execute(),
    db()
      .selectFrom("event")
      .where("audience", "=", "public")
      .where("coalition_id", "is not", null)
      .where("starts_at", ">", now)
      .select(["coalition_id as coalitionId", "slug", "title", "place", "starts_at as startsAt", "ends_at as endsAt"])
      .orderBy("starts_at")
      .execute(),
  ]);
  const withAgreement = new Set(published.map((row) => row.coalitionId));
  return coalitions.map((coalition) => ({
    slug: coalition.slug,
    name: coalition.name,
    place: coalition.place,
    description: coalition.description,
    partners: partners.filter((p) => p.coalitionId === coalition.id).map((p) => p.name),
    agreementPublished: withAgreement.has(coalition.id),
    events: events
      .filter((e) => e.coalitionId === coalition.id)
      .slice(0, EVENTS_PER_COALITION)
      .map(({ slug, title, place, startsAt, endsAt }) => ({ slug, title, place, startsAt, endsAt })),
  }));
}

export type OpenCoalition = Awaited<ReturnType<typeof programmePage>>[number];

/** The coalition a visitor asks to come and see: any coalition of the programme, by its address. */
export async function coalitionToVisit(slug: string | undefined) {
  if (!slug || slug.length > 100) throw notFound();
  const coalition = await db().selectFrom("coalition").where("slug", "=", slug).select(["id", "slug", "name", "place"]).executeTakeFirst();
  if (!coalition) throw notFound();
  return coalition;
}
