import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { attendanceList } from "~/domain/events/registrations/organiser-registrations.server";
import { formatTimeSpan } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { TableScroll } from "~/ui/TableScroll";

// /teams/:team/events/:id/attendance — a printable list to tick off at the door (the programme-wide variant at
// /programme/events/:id/attendance renders this same page). Organisers only; 404 after the retention clean-up.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // A browser offers the title as the file name when saving as PDF.
  { title: data ? `Presentielijst ${data.event.title} · Leernetwerk` : "Leernetwerk" },
];

/** The page's data, for this route and the programme-wide one. */
export async function attendancePage(request: Request, teamSlug: string | null, id: string | undefined, context?: unknown) {
  const user = await requireUser(request);
  const list = await attendanceList(user, teamSlug, id);
  // A list of names and organisations to print: recorded in the audit log like a download.
  await recordExport({ actorId: user.id, what: "attendance", eventId: list.event.id, address: clientAddressOf(context) });
  return json(list);
}

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return attendancePage(request, params.team ?? "", params.id, context);
}

/** window.print() needs JavaScript, so the button only appears once it runs; the browser's own print works anyway. */
function PrintButton() {
  const t = useT();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <button type="button" className="button button-primary" onClick={() => window.print()}>
      {t("eventRegistrations.attendance.print")}
    </button>
  );
}

export default function AttendanceList() {
  const t = useT();
  const locale = useLocale();
  const { event, people } = useLoaderData<typeof loader>();
  return (
    <section className="attendance">
      <p className="attendance-controls actions">
        <Link to={`${event.path}/registrations`}>{t("eventRegistrations.attendance.back")}</Link>
        <PrintButton />
      </p>
      <h1>
        {t("eventRegistrations.attendance.title")}: {event.title}
      </h1>
      <p>
        {t("eventRegistrations.attendance.intro", {
          when: formatTimeSpan(event.startsAt, event.endsAt, locale),
          place: event.place,
          count: people.length,
        })}
      </p>
      {people.length === 0 ? (
        <p className="muted">{t("eventRegistrations.attendance.none")}</p>
      ) : (
        <TableScroll label={t("eventRegistrations.attendance.tick")}>
          <table>
            <caption className="visually-hidden">{t("eventRegistrations.attendance.tick")}</caption>
            <thead>
              <tr>
                <th scope="col" className="attendance-number">
                  <span className="visually-hidden">#</span>
                </th>
                <th scope="col">{t("eventRegistrations.col.name")}</th>
                <th scope="col">{t("eventRegistrations.col.organisation")}</th>
                <th scope="col" className="attendance-tick">
                  {t("eventRegistrations.col.present")}
                </th>
                <th scope="col" className="attendance-sign">
                  {t("eventRegistrations.col.signature")}
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person, index) => (
                <tr key={person.id}>
                  <td className="attendance-number">{index + 1}</td>
                  <th scope="row">{person.name}</th>
                  <td>{person.organisation}</td>
                  <td className="attendance-tick" />
                  <td className="attendance-sign" />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
