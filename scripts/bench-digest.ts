// DESIGN.md §7 / issue 15: the weekly digest of every person in the data set, computed (read with the permission
// rules and rendered as the mail) within 10 s in total. Nothing is sent or recorded.
import { db } from "../db/db.server";
import { usersByIds } from "../app/auth/permissions.server";
import { digestMail } from "../app/domain/notifications/digest/digest-mail.server";
import { isEmpty, weeklyDigest } from "../app/domain/notifications/digest/weekly-digest.server";

const DIGEST_BUDGET_S = 10;

export async function benchWeeklyDigest(): Promise<void> {
  const ids = (await db().selectFrom("person").where("deactivated_at", "is", null).where("erased_at", "is", null).select("id").execute()).map((p) => p.id);
  const started = performance.now();
  const people = await usersByIds(ids);
  let mails = 0;
  for (const person of people) {
    const digest = await weeklyDigest(person);
    if (isEmpty(digest)) continue;
    digestMail(person, digest, { origin: "https://leernetwerk.example", unsubscribe: "https://leernetwerk.example/unsubscribe/x" });
    mails++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nWeekly digest of all ${people.length} people (${mails} with something to tell): ${seconds.toFixed(2)} s in total (budget ${DIGEST_BUDGET_S} s)${seconds >= DIGEST_BUDGET_S ? "  OVER" : ""}`,
  );
}
