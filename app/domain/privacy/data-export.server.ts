import { Readable } from "node:stream";
import { createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ZipFile } from "yazl";
import { db } from "../../../db/db.server";
import type { MilestoneStatus, Visibility } from "../../../db/schema";
import type { User } from "../../auth/permissions.server";
import { formatDate, formatDateTime, formatDay } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey, Translate } from "../../i18n/i18n";
import { RichText } from "../../richtext/RichText";
import type { RichTextState } from "../../richtext/schema";
import { methodBySlug } from "../sessions/intervision-methods";
import { methodName } from "../sessions/session-access.server";
import { invitationPages } from "../accounts/personal-data.server";
import { signatoryPages, signaturePages } from "../agreements/personal-data.server";
import { auditPages } from "../audit/personal-data.server";
import { eventPages, registrationPages } from "../events/personal-data.server";
import { lessonPages } from "../lessons/personal-data.server";
import { milestoneChangePages, milestonePages } from "../milestones/personal-data.server";
import { notificationPages } from "../notifications/personal-data.server";
import { notificationSettings } from "../notifications/preferences.server";
import { questionLinkPages, questionPages } from "../questions/personal-data.server";
import { publicationPages, quoteDecisionPages } from "../publications/personal-data.server";
import { commentPages, reflectionPages } from "../reflections/personal-data.server";
import { roundContributionPages } from "../rounds/personal-data.server";
import { sessionPages, type SessionNote } from "../sessions/personal-data.server";
import { visitAnswerPages } from "../visits/personal-data.server";
import { onePage, textPath, themeSlugs, type Page } from "./personal-rows.server";

// "Download everything the network holds about me" (/settings/data.zip): one ZIP with a JSON file per kind,
// the person's texts as standalone HTML pages and an index.html in their language.
//
// What belongs to a person is decided by each module's personal-data.server.ts (listed in
// privacy/personal-data.server.ts).
//
// The ZIP is a stream: every entry is fed by an async generator that reads the database a page at a time
// (keyset on id, PAGE_SIZE rows per query), and yazl pulls the next chunk only when the download has taken the
// last one, so memory stays flat however large the account.

/** A JSON array written a page at a time: one row per line, one chunk per page. */
async function* jsonArray<Row>(pages: AsyncIterable<Row[]>, shape: (row: Row) => unknown): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const rows of pages) {
    yield rows.map((row, index) => (first && index === 0 ? "\n" : ",\n") + JSON.stringify(shape(row))).join("");
    first = false;
  }
  yield first ? "]\n" : "\n]\n";
}

async function* profileJson(user: User): AsyncGenerator<string> {
  const person = await db()
    .selectFrom("person")
    .where("id", "=", user.id)
    .select(["id", "name", "email", "language", "account_role as role", "created_at as createdAt", "last_login_at as lastLoginAt"])
    .executeTakeFirst();
  yield `${JSON.stringify(person ?? null, null, 2)}\n`;
}

async function* calendarFeedJson(user: User): AsyncGenerator<string> {
  const feed = await db().selectFrom("calendar_feed").where("person_id", "=", user.id).select("created_at").executeTakeFirst();
  yield `${JSON.stringify({ exists: feed !== undefined, createdAt: feed?.created_at ?? null }, null, 2)}\n`;
}

async function* notificationSettingsJson(user: User): AsyncGenerator<string> {
  const digestsSent = await db().selectFrom("digest_sent").where("person_id", "=", user.id).select(["week", "sent_at as sentAt"]).orderBy("week").execute();
  yield `${JSON.stringify({ ...(await notificationSettings(user)), digestsSent }, null, 2)}\n`;
}

type JsonFile = { name: string; description: MessageKey; chunks: () => AsyncIterable<string> };

function jsonFiles(user: User): JsonFile[] {
  return [
    { name: "profile.json", description: "dataExport.file.profile", chunks: () => profileJson(user) },
    {
      name: "memberships.json",
      description: "dataExport.file.memberships",
      chunks: () =>
        jsonArray(
          onePage(
            db()
              .selectFrom("membership")
              .innerJoin("coalition", "coalition.id", "membership.coalition_id")
              .leftJoin("organisation", "organisation.id", "membership.organisation_id")
              .where("membership.person_id", "=", user.id)
              .select([
                "coalition.slug as coalition",
                "coalition.name as coalitionName",
                "membership.role",
                "membership.perspective",
                "organisation.name as organisation",
                "membership.created_at as since",
              ])
              .orderBy("coalition.name")
              .execute(),
          ),
          (row) => row,
        ),
    },
    {
      name: "reflections.json",
      description: "dataExport.file.reflections",
      chunks: () =>
        jsonArray(reflectionPages(user), ({ body, themes, ...row }) => ({
          ...row,
          themes: themeSlugs(themes),
          richText: body,
          htmlFile: textPath("reflections", row.id),
        })),
    },
    { name: "comments.json", description: "dataExport.file.comments", chunks: () => jsonArray(commentPages(user), (row) => row) },
    {
      name: "round-contributions.json",
      description: "dataExport.file.roundContributions",
      chunks: () => jsonArray(roundContributionPages(user), (row) => row),
    },
    {
      name: "lessons.json",
      description: "dataExport.file.lessons",
      chunks: () =>
        jsonArray(lessonPages(user), ({ explanation, themes, ...row }) => ({
          ...row,
          themes: themeSlugs(themes),
          richText: explanation,
          htmlFile: textPath("lessons", row.id),
        })),
    },
    {
      name: "milestones.json",
      description: "dataExport.file.milestones",
      chunks: () =>
        jsonArray(milestonePages(user), ({ description, text, createdBy, ownerId, ...row }) => {
          const createdByMe = createdBy === user.id;
          if (createdByMe) {
            return { ...row, createdByMe, ownedByMe: ownerId === user.id, text, richText: description, htmlFile: textPath("milestones", row.id) };
          }
          // A milestone someone else wrote is the team's text: the person owns the commitment, not the words.
          const { id, coalition, status, targetDate } = row;
          return { id, coalition, status, targetDate, createdByMe, ownedByMe: true };
        }),
    },
    {
      name: "milestone-status-changes.json",
      description: "dataExport.file.milestoneChanges",
      chunks: () => jsonArray(milestoneChangePages(user), (row) => row),
    },
    { name: "learning-questions.json", description: "dataExport.file.questions", chunks: () => jsonArray(questionPages(user), (row) => row) },
    { name: "learning-question-links.json", description: "dataExport.file.questionLinks", chunks: () => jsonArray(questionLinkPages(user), (row) => row) },
    { name: "publications.json", description: "dataExport.file.publications", chunks: () => jsonArray(publicationPages(user), (row) => row) },
    { name: "quote-decisions.json", description: "dataExport.file.quoteDecisions", chunks: () => jsonArray(quoteDecisionPages(user), (row) => row) },
    { name: "agreement-signatures.json", description: "dataExport.file.agreementSignatures", chunks: () => jsonArray(signaturePages(user), (row) => row) },
    { name: "agreement-signatories.json", description: "dataExport.file.agreementSignatories", chunks: () => jsonArray(signatoryPages(user), (row) => row) },
    { name: "visit-answers.json", description: "dataExport.file.visitAnswers", chunks: () => jsonArray(visitAnswerPages(user), (row) => row) },
    {
      name: "intervision-sessions.json",
      description: "dataExport.file.sessions",
      chunks: () =>
        jsonArray(sessionPages(user), (session) => ({
          id: session.id,
          coalition: session.coalition,
          title: session.title,
          method: methodName(session.method, user.language),
          status: session.status,
          place: session.place,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          youLed: session.facilitatorId === user.id,
          youBroughtTheCase: session.caseBringerId === user.id,
          youKeptTime: session.timekeeperId === user.id,
          rsvp: session.rsvp,
          volunteeredCase: session.volunteersCase,
          preparationQuestion: session.preparationQuestion,
          pollAnswers: session.votes.map(({ startsAt, endsAt, answer }) => ({ startsAt, endsAt, answer })),
          evaluation: session.evaluation && { score: session.evaluation.score, comment: session.evaluation.comment, at: session.evaluation.updatedAt },
          actions: session.actions.map(({ sessionId: _, ownerId, ...action }) => ({ ...action, yours: ownerId === user.id })),
          ...(session.notes
            ? {
                notes: session.notes.map((note) => ({ phase: phaseName(session.method, note.phase, user), text: note.text })),
                takeaway: session.takeawayText,
                htmlFile: hasNotesPage(session) ? textPath("intervision", session.id) : null,
              }
            : {}),
        })),
    },
    {
      name: "events.json",
      description: "dataExport.file.events",
      chunks: () =>
        jsonArray(eventPages(user), ({ description, report, ...row }) => ({
          ...row,
          richText: description,
          reportRichText: report,
          htmlFile: textPath("events", row.id),
        })),
    },
    { name: "event-registrations.json", description: "dataExport.file.registrations", chunks: () => jsonArray(registrationPages(user), (row) => row) },
    { name: "invitations.json", description: "dataExport.file.invitations", chunks: () => jsonArray(invitationPages(user), (row) => row) },
    { name: "calendar-feed.json", description: "dataExport.file.calendarFeed", chunks: () => calendarFeedJson(user) },
    { name: "notifications.json", description: "dataExport.file.notifications", chunks: () => jsonArray(notificationPages(user), (row) => row) },
    { name: "notification-settings.json", description: "dataExport.file.notificationSettings", chunks: () => notificationSettingsJson(user) },
    {
      name: "audit-log.json",
      description: "dataExport.file.auditLog",
      chunks: () =>
        jsonArray(auditPages(user), ({ id, actorId, subjectId, address, ...row }) => ({
          id,
          ...row,
          you: actorId === user.id ? (subjectId === user.id ? "actor and subject" : "actor") : "subject",
          address: actorId === user.id ? address : null,
        })),
    },
  ];
}

/** A page of the session's notes only where there is something on it. */
function hasNotesPage(session: { notes: SessionNote[] | null; takeaway: unknown }): boolean {
  return session.notes !== null && (session.notes.length > 0 || session.takeaway !== null);
}

function phaseName(method: string, phase: number, user: User): string {
  return methodBySlug(method)?.phases[phase]?.name[user.language] ?? `${phase + 1}`;
}

// ---------------------------------------------------------------------------------------------------------
// The texts as HTML

const markup = (element: ReactNode) => renderToStaticMarkup(h(Fragment, null, element));

/** A page that opens on its own in any browser: the server's rich text renderer, so React escapes every text. */
function standalonePage(user: User, title: string, body: ReactNode): string {
  return `<!doctype html>\n${renderToStaticMarkup(
    h(
      "html",
      { lang: user.language },
      h("head", null, h("meta", { charSet: "utf-8" }), h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }), h("title", null, title)),
      h("body", null, body),
    ),
  )}\n`;
}

type TextSection = { heading?: string; state: unknown };

function textPage(user: User, title: string, facts: (string | null)[], sections: TextSection[]): string {
  return standalonePage(
    user,
    title,
    h(
      Fragment,
      null,
      h("h1", null, title),
      h("p", null, facts.filter((fact) => fact !== null).join(" · ")),
      ...sections.map((section, index) =>
        h(
          "section",
          { key: index },
          section.heading ? h("h2", null, section.heading) : null,
          h(RichText, { state: section.state as RichTextState | null }),
        ),
      ),
    ),
  );
}

type TextFile = { path: string; title: string; day: string; render: () => string };
type TextSource = { heading: MessageKey; pages: () => AsyncIterable<TextFile[]> };

async function* mapPages<Row, Out>(pages: AsyncIterable<Row[]>, map: (row: Row) => Out | null): Page<Out> {
  for await (const rows of pages) {
    const out = rows.map(map).filter((item): item is Out => item !== null);
    if (out.length > 0) yield out;
  }
}

function textSources(user: User, t: Translate): TextSource[] {
  const locale = user.language;
  // Thousands of texts fall on a few hundred days; a date format is costly to set up each time.
  const days = new Map<string, string>();
  const day = (isoDay: string) => days.get(isoDay) ?? days.set(isoDay, formatDay(isoDay, locale)).get(isoDay)!;
  const visibility = (value: Visibility) => t("dataExport.text.visibility", { visibility: t(`dataExport.visibility.${value}`) });
  const deleted = (at: Date | null) => (at ? t("dataExport.text.deleted", { date: formatDate(at, locale) }) : null);
  const coalition = (name: string | null) => (name ? t("dataExport.text.coalition", { name }) : null);
  return [
    {
      heading: "dataExport.texts.reflections",
      pages: () =>
        mapPages(reflectionPages(user), (row) => ({
          path: textPath("reflections", row.id),
          title: row.title,
          day: day(row.happenedOn),
          render: () =>
            textPage(user, row.title, [coalition(row.coalitionName), day(row.happenedOn), visibility(row.visibility), deleted(row.deletedAt)], [
              { state: row.body },
            ]),
        })),
    },
    {
      heading: "dataExport.texts.lessons",
      pages: () =>
        mapPages(lessonPages(user), (row) => {
          const written = formatDate(row.createdAt, locale);
          return {
            path: textPath("lessons", row.id),
            title: row.statement,
            day: written,
            render: () =>
              textPage(user, row.statement, [coalition(row.coalitionName), written, visibility(row.visibility), deleted(row.deletedAt)], [
                { state: row.explanation },
              ]),
          };
        }),
    },
    {
      heading: "dataExport.texts.milestones",
      pages: () =>
        mapPages(milestonePages(user), (row) =>
          row.createdBy !== user.id
            ? null
            : {
                path: textPath("milestones", row.id),
                title: row.title,
                day: day(row.targetDate),
                render: () =>
                  textPage(
                    user,
                    row.title,
                    [coalition(row.coalitionName), day(row.targetDate), t(`status.${row.status as MilestoneStatus}`), visibility(row.visibility), deleted(row.deletedAt)],
                    [{ state: row.description }],
                  ),
              },
        ),
    },
    {
      heading: "dataExport.texts.sessions",
      pages: () =>
        mapPages(sessionPages(user), (session) =>
          !hasNotesPage(session)
            ? null
            : {
                path: textPath("intervision", session.id),
                title: session.title,
                day: session.startsAt ? formatDateTime(session.startsAt, locale) : "",
                render: () =>
                  textPage(
                    user,
                    session.title,
                    [coalition(session.coalitionName), methodName(session.method, locale), session.startsAt ? formatDateTime(session.startsAt, locale) : null],
                    [
                      ...(session.notes ?? []).map((note) => ({ heading: phaseName(session.method, note.phase, user), state: note.body })),
                      ...(session.takeaway ? [{ heading: t("dataExport.text.takeaway"), state: session.takeaway }] : []),
                    ],
                  ),
              },
        ),
    },
    {
      heading: "dataExport.texts.events",
      pages: () =>
        mapPages(eventPages(user), (event) => ({
          path: textPath("events", event.id),
          title: event.title,
          day: formatDate(event.startsAt, locale),
          render: () =>
            textPage(
              user,
              event.title,
              [coalition(event.coalitionName), formatDateTime(event.startsAt, locale), event.place],
              [{ state: event.description }, ...(event.report ? [{ heading: t("dataExport.text.report"), state: event.report }] : [])],
            ),
        })),
    },
  ];
}

/**
 * index.html, written as it goes: the head and each list are opened as plain tags so that the list of texts
 * can follow page by page; every text in it is rendered (and escaped) by React.
 */
async function* indexPage(user: User, t: Translate, files: JsonFile[], sources: TextSource[]): AsyncGenerator<string> {
  const title = t("dataExport.index.title", { name: user.name });
  yield `<!doctype html>\n<html lang="${user.language === "en" ? "en" : "nl"}"><head><meta charset="utf-8"/>${markup(h("title", null, title))}</head><body>`;
  yield markup(
    h(
      Fragment,
      null,
      h("h1", null, title),
      h("p", null, t("dataExport.index.intro")),
      h("p", null, t("dataExport.index.made", { date: formatDate(new Date(), user.language) })),
      h("h2", null, t("dataExport.index.files")),
      h(
        "dl",
        null,
        ...files.map((file) =>
          h(Fragment, { key: file.name }, h("dt", null, h("a", { href: file.name }, file.name)), h("dd", null, t(file.description))),
        ),
      ),
      h("h2", null, t("dataExport.index.texts")),
    ),
  );
  for (const source of sources) {
    yield markup(h("h3", null, t(source.heading)));
    let count = 0;
    for await (const texts of source.pages()) {
      yield (count === 0 ? "<ul>" : "") + texts.map((text) => markup(h("li", null, h("a", { href: text.path }, text.title), text.day ? ` (${text.day})` : ""))).join("");
      count += texts.length;
    }
    yield count === 0 ? markup(h("p", null, t("dataExport.index.none"))) : "</ul>";
  }
  yield "</body></html>\n";
}

// ---------------------------------------------------------------------------------------------------------
// The ZIP

/**
 * Adds the text pages a database page at a time. yazl asks for an entry's stream only when it reaches that
 * entry, so the next page is read once it has reached the last of this one: at most one page waits in memory.
 */
async function addTextFiles(zip: ZipFile, sources: TextSource[], closed: Promise<void>, fail: (error: unknown) => void): Promise<boolean> {
  let open = true;
  void closed.then(() => (open = false));
  for (const source of sources) {
    for await (const texts of source.pages()) {
      const reachedLast = new Promise<void>((resolve) => {
        texts.forEach((text, index) =>
          zip.addReadStreamLazy(text.path, (callback) => {
            if (index === texts.length - 1) resolve();
            callback(null, entryStream([text.render()], fail));
          }),
        );
      });
      await Promise.race([reachedLast, closed]);
      if (!open) return false;
    }
  }
  return true;
}

function entryStream(chunks: Iterable<string> | AsyncIterable<string>, fail: (error: unknown) => void): Readable {
  // yazl does not listen for errors on the streams it is given: a failed query ends the download instead.
  return Readable.from(chunks, { objectMode: false }).on("error", fail);
}

/** Everything the network holds about the signed-in person, as a ZIP stream (nothing is read before it is pulled). */
export function personalDataZip(user: User): Readable {
  const t = translator(user.language);
  const zip = new ZipFile();
  // yazl's outputStream is a PassThrough; its type says only "ReadableStream".
  const output = zip.outputStream as Readable;
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  const closed = new Promise<void>((resolve) => output.once("close", () => resolve()));
  const files = jsonFiles(user);
  const sources = textSources(user, t);
  zip.addReadStream(entryStream(indexPage(user, t, files, sources), fail), "index.html");
  for (const file of files) zip.addReadStream(entryStream(file.chunks(), fail), file.name);
  addTextFiles(zip, sources, closed, fail).then((complete) => {
    if (complete) zip.end();
  }, fail);
  return output;
}

/** The download's file name: the day it was made, in Amsterdam. */
export function personalDataFileName(today: string): string {
  return `leernetwerk-gegevens-${today}.zip`;
}
