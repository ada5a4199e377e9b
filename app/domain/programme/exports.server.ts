import { stringify } from "csv-stringify/sync";
import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { requireFunder, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import { programmeDashboard } from "./programme-dashboard.server";
import { programmeMilestones } from "./programme-milestones.server";

// The funder's CSV exports (/programme/export/*.csv, DESIGN.md §8): UTF-8 with a byte order mark so Excel
// shows Dutch characters, `;`-separated (what Excel expects in a Dutch locale), a Dutch header row, and every
// cell that a spreadsheet could read as a formula neutralised. The funder only: anyone else gets 404.

export const BOM = "\uFEFF";
export const SEPARATOR = ";";

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** A cell a spreadsheet would run as a formula (=, +, -, @, also after whitespace; or tab/CR first) gets a leading '. */
export function neutraliseCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV file as a download named leernetwerk-<name>-<today>.csv, never cached. */
export function csvDownload(csv: string, name: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leernetwerk-${name}-${todayInAmsterdam()}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** A CSV file by this app's rules: BOM, `;`, a header row, Windows line ends, formula cells neutralised. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return (
    BOM +
    stringify(
      [header, ...rows].map((row) => row.map(neutraliseCell)),
      { delimiter: SEPARATOR, record_delimiter: "windows" }
    )
  );
}

/** Every coalition's lessons shared with the network (never team-only ones), not deleted. */
export async function lessonsCsv(user: User): Promise<string> {
  requireFunder(user);
  const t = translator("nl");
  const lessons = await db()
    .selectFrom("lesson")
    .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "lesson.coalition_id").onRef("membership.person_id", "=", "lesson.author_id")
    )
    .where(sharedWithNetwork("lesson"))
    .select([
      "lesson.id",
      "coalition.name as coalitionName",
      "lesson.statement",
      "lesson.explanation_text as text",
      "membership.perspective",
      sql<string>`to_char(lesson.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as("createdOn"),
    ])
    .orderBy("coalition.name")
    .orderBy("lesson.created_at")
    .orderBy("lesson.id")
    .execute();
  const themes = new Map<string, string[]>();
  if (lessons.length > 0) {
    const rows = await db()
      .selectFrom("lesson_theme")
      .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
      .where(
        "lesson_theme.lesson_id",
        "in",
        lessons.map((l) => l.id)
      )
      .select(["lesson_theme.lesson_id as lessonId", "theme.name_nl as name"])
      .orderBy("theme.position")
      .execute();
    for (const row of rows) themes.set(row.lessonId, [...(themes.get(row.lessonId) ?? []), row.name]);
  }
  return toCsv(
    [
      t("programme.export.col.coalition"),
      t("programme.export.col.statement"),
      t("programme.export.col.explanation"),
      t("programme.export.col.themes"),
      t("programme.export.col.perspective"),
      t("programme.export.col.created"),
    ],
    lessons.map((l) => [
      l.coalitionName,
      l.statement,
      l.text,
      (themes.get(l.id) ?? []).join(", "),
      l.perspective ? t(`perspective.${l.perspective}`) : "",
      l.createdOn,
    ])
  );
}

/** Every coalition's milestones (not deleted): plan, status and how often the target was adjusted. */
export async function milestonesCsv(user: User): Promise<string> {
  requireFunder(user);
  const t = translator("nl");
  const { coalitions } = await programmeMilestones(user, {});
  return toCsv(
    [
      t("programme.export.col.coalition"),
      t("programme.export.col.title"),
      t("programme.export.col.status"),
      t("programme.export.col.planned"),
      t("programme.export.col.target"),
      t("programme.export.col.adjustments"),
    ],
    coalitions.flatMap((c) =>
      c.milestones.map((m) => [c.name, m.title, t(`status.${m.status}`), m.plannedDate, m.targetDate, m.adjustments.length])
    )
  );
}

/** Per coalition and month of the last twelve: reflections and lessons for the team or network, sessions held. */
export async function activityCsv(user: User): Promise<string> {
  requireFunder(user);
  const t = translator("nl");
  const { coalitions } = await programmeDashboard(user);
  return toCsv(
    [
      t("programme.export.col.coalition"),
      t("programme.export.col.month"),
      t("programme.export.col.reflections"),
      t("programme.export.col.sessions"),
      t("programme.export.col.lessons"),
    ],
    coalitions.flatMap((c) => c.activity.map((m) => [c.name, m.month, m.reflections, m.sessions, m.lessons])),
  );
}
