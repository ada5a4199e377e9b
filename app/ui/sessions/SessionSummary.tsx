import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import type { SessionFacts } from "../../domain/sessions/sessions.server";
import { useT } from "../i18n";
import { usePersonName } from "../PersonName";
import { methodPath, SessionStatusBadge, SessionWhen } from "./SessionFacts";
import type { InvitedPage } from "./types";

/**
 * What anyone who sees the session reads first: when, which method, how many come; for the invited, where
 * and who (the roles once the time is fixed, as they are chosen from those who come).
 */
export function SessionSummary({ facts, invited }: { facts: SerializeFrom<SessionFacts>; invited: InvitedPage | null }) {
  const t = useT();
  return (
    <dl className="session-facts">
      <div>
        <dt>{t("session.when")}</dt>
        <dd>
          <SessionWhen startsAt={facts.startsAt} endsAt={facts.endsAt} />{" "}
          {facts.status !== "confirmed" ? <SessionStatusBadge status={facts.status} /> : null}
        </dd>
      </div>
      <div>
        <dt>{t("session.method")}</dt>
        <dd>
          {facts.methodName} · <Link to={methodPath(facts.method)}>{t("session.methodRead")}</Link>
        </dd>
      </div>
      {facts.status === "confirmed" ? (
        <div>
          <dt>{t("session.participants")}</dt>
          <dd>{facts.participants}</dd>
        </div>
      ) : null}
      {invited ? <WhereAndWho page={invited} /> : null}
    </dl>
  );
}

function WhereAndWho({ page }: { page: InvitedPage }) {
  const t = useT();
  const personName = usePersonName();
  const nobody = <span className="muted">{t("session.role.none")}</span>;
  return (
    <>
      <div>
        <dt>{t("session.where")}</dt>
        <dd>
          {page.place ? <span>{page.place}</span> : null}
          {page.place && page.videoUrl ? " · " : null}
          {page.videoUrl ? (
            <a href={page.videoUrl} rel="noopener noreferrer">
              {t("session.videoLink")}
            </a>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("session.facilitator")}</dt>
        <dd>{page.facilitatorName}</dd>
      </div>
      {page.role === "participant" && page.facts.status !== "polling" ? (
        <div>
          <dt>{t("session.caseBringer")}</dt>
          <dd>{page.caseBringer ? personName(page.caseBringer.name, "participant") : nobody}</dd>
        </div>
      ) : null}
      {page.facts.status !== "polling" ? (
        <div>
          <dt>{t("session.timekeeper")}</dt>
          <dd>{page.timekeeper ? personName(page.timekeeper.name, "participant") : nobody}</dd>
        </div>
      ) : null}
    </>
  );
}

/** "Uitgenodigd": while polling, who answered the poll; once fixed, who comes. The same list the poll's "not answered" is cut from. */
export function Invitees({ page }: { page: InvitedPage }) {
  const t = useT();
  const personName = usePersonName();
  const polling = page.facts.status === "polling";
  return (
    <section aria-labelledby="invitees-heading">
      <h2 id="invitees-heading">{t("session.invitees")}</h2>
      <ul className="people-list">
        {page.invitees.map((invitee) => (
          <li key={invitee.id}>
            <span>{personName(invitee.name, "participant")}</span>
            <span className="muted">
              {polling ? t(invitee.answered ? "session.pollState.answered" : "session.pollState.notAnswered") : t(`session.rsvpState.${invitee.rsvp}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
