import { versionInForce } from "../agreements.server";

// The version in force as the public page and the funder show it: its text and who signed it, without
// anything of the signatories who have not signed (nor any address).

export type VersionInForce = NonNullable<Awaited<ReturnType<typeof versionInForceOf>>>;

export async function versionInForceOf(coalitionId: string) {
  const version = await versionInForce(coalitionId);
  if (!version) return null;
  return {
    id: version.id,
    number: version.number,
    signedAt: version.signedAt,
    vision: version.vision,
    articles: version.articles.map(({ id, number, title, body }) => ({ id, number, title, body })),
    signatures: version.signatories.flatMap(({ organisationName, signature }) =>
      signature ? [{ organisationName, name: signature.name, function: signature.function, signedOn: signature.signedOn }] : [],
    ),
  };
}
