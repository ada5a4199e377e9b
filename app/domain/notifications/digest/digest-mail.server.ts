import type { Language } from "../../../../db/schema";
import type { Translate } from "../../../i18n/i18n";
import { formatDateTime } from "../../../i18n/dates";
import { translator } from "../../../i18n/dictionaries.server";
import { notificationLine } from "../notifications.server";
import { linesOf, type CoalitionDigest, type DigestEntry, type WeeklyDigest } from "./weekly-digest.server";

// The weekly digest as a mail: a plain-text part and an HTML part of one narrow column (readable on a phone),
// in the person's language. Every text in the HTML is escaped: titles and first lines are what people wrote.

const SHOWN = 5;
const sections = ["reflections", "lessons", "replies", "sessions", "events", "milestones"] as const;

type Links = { origin: string; unsubscribe: string };
type Line = { text: string; detail?: string; href: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function lineOf(t: Translate, language: Language, section: (typeof sections)[number], e: DigestEntry, origin: string): Line {
  const href = origin + e.path;
  switch (section) {
    case "replies":
      return { text: t("weeklyDigest.replyBy", { author: e.author!, title: e.title }), detail: e.excerpt, href };
    case "sessions":
    case "events":
      return { text: e.title, detail: [e.at && formatDateTime(e.at, language), e.place].filter(Boolean).join(", "), href };
    case "milestones":
      return { text: `${e.title}: ${t(`status.${e.status as "planned"}`).toLowerCase()}`, href };
    default:
      return { text: `${e.title} (${t("weeklyDigest.by", { author: e.author! })})`, detail: e.excerpt, href };
  }
}

/** The coalition's page that lists all of a section (the replies: under its reflections). */
const listOf = { reflections: "reflections", lessons: "lessons", replies: "reflections", sessions: "sessions", events: "events", milestones: "milestones" } as const;

/** Each coalition's sections as headings and at most five lines each (then "and N more", linked to the list). */
function blocks(t: Translate, language: Language, digest: WeeklyDigest, origin: string) {
  const perCoalition = digest.coalitions.map((group: CoalitionDigest) => ({
    heading: group.coalitionId === null ? t("weeklyDigest.programme") : group.name,
    parts: sections
      .filter((section) => group[section].length > 0)
      .map((section) => ({
        heading: t(`weeklyDigest.${section}`),
        lines: group[section].slice(0, SHOWN).map((entry) => lineOf(t, language, section, entry, origin)),
        more: Math.max(0, group[section].length - SHOWN),
        moreHref: group.slug ? `${origin}/teams/${group.slug}/${listOf[section]}` : "",
      })),
  }));
  const lines = linesOf(digest).map((n): Line => ({ text: notificationLine(t, n), href: origin + n.path }));
  return lines.length ? [...perCoalition, { heading: t("weeklyDigest.notifications"), parts: [{ heading: "", lines, more: 0, moreHref: "" }] }] : perCoalition;
}

export function digestMail(person: { name: string; language: Language }, digest: WeeklyDigest, links: Links) {
  const t = translator(person.language);
  const content = blocks(t, person.language, digest, links.origin);
  const settings = `${links.origin}/settings/notifications`;

  const text = [
    t("weeklyDigest.greeting", { name: person.name }),
    t("weeklyDigest.intro"),
    ...content.map((block) =>
      [
        `== ${block.heading} ==`,
        ...block.parts.map((part) =>
          [
            ...(part.heading ? [`${part.heading}:`] : []),
            ...part.lines.map((line) => `- ${line.text}${line.detail ? `\n  ${line.detail}` : ""}\n  ${line.href}`),
            ...(part.more ? [`  (${t("weeklyDigest.more", { count: part.more })}${part.moreHref && `: ${part.moreHref}`})`] : []),
          ].join("\n"),
        ),
      ].join("\n\n"),
    ),
    `—\n${t("weeklyDigest.footer")}\n${t("weeklyDigest.unsubscribe")}:\n${links.unsubscribe}\n\n${t("weeklyDigest.settings")}:\n${settings}`,
  ].join("\n\n");

  const e = escapeHtml;
  const link = (href: string, label: string) => `<a href="${e(href)}" style="color:#1d4ed8">${e(label)}</a>`;
  const html = `<!doctype html>
<html lang="${person.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(t("weeklyDigest.subject"))}</title></head>
<body style="margin:0;padding:0;background:#f6f6f4">
<div style="max-width:600px;margin:0 auto;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff">
<p>${e(t("weeklyDigest.greeting", { name: person.name }))}</p>
<p>${e(t("weeklyDigest.intro"))}</p>
${content
  .map(
    (block) => `<h2 style="font-size:20px;margin:24px 0 8px">${e(block.heading)}</h2>
${block.parts
  .map(
    (part) => `${part.heading ? `<h3 style="font-size:17px;margin:16px 0 4px">${e(part.heading)}</h3>` : ""}
<ul style="padding-left:20px;margin:0">${part.lines
      .map((line) => `<li style="margin:0 0 10px">${link(line.href, line.text)}${line.detail ? `<br><span style="color:#57606a">${e(line.detail)}</span>` : ""}</li>`)
      .join("")}</ul>${part.more ? `<p style="margin:0">${part.moreHref ? link(part.moreHref, t("weeklyDigest.more", { count: part.more })) : e(t("weeklyDigest.more", { count: part.more }))}</p>` : ""}`,
  )
  .join("\n")}`,
  )
  .join("\n")}
<hr style="border:0;border-top:1px solid #d0d7de;margin:24px 0 12px">
<p style="font-size:14px;color:#57606a">${e(t("weeklyDigest.footer"))}<br>${link(links.unsubscribe, t("weeklyDigest.unsubscribe"))}<br>${link(settings, t("weeklyDigest.settings"))}</p>
</div></body></html>`;

  return { subject: t("weeklyDigest.subject"), text, html };
}
