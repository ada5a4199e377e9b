import { describe, expect, it } from "vitest";

// One Dutch word per thing (WORDS.md): the words of its "not" column stay out of every Dutch string, and each
// page speaks to its reader in one form: "u" when signed in, "je" for outsiders on public event pages and in
// the mails they get. Only the texts are read, without their {placeholders} and web paths (/teams/…).
const modules = import.meta.glob<Record<string, Record<string, string>>>("../../app/i18n/nl/*.ts", { eager: true });

type Rule = { word: string; pattern: RegExp; unless?: (key: string) => boolean };

const intervisionKey = (key: string) => /(^|\.)(session|sessions|intervision|method|notes|poll|calendar\.event)/.test(key);

const rules: Rule[] = [
  { word: "teamruimte / team (say: coalitie)", pattern: /\bteam(ruimte)?s?\b/i },
  { word: "lid / leden (say: deelnemer; only 'lid worden' stays)", pattern: /\blid\b(?! worden)|\bleden\b|lidmaatschap/i },
  { word: "begeleider (say: procesbegeleider)", pattern: /(?<!proces)begeleider/i },
  { word: "financier (say: programmamedewerker, or het fonds)", pattern: /financier/i },
  { word: "logboek (say: reflecties, or activiteitenlog)", pattern: /logboek/i },
  { word: "leerpunt (say: les)", pattern: /leerpunt/i },
  { word: "sessie / intervisiebijeenkomst (say: intervisie)", pattern: /\bsessies?\b|intervisiesessie|intervisiebijeenkomst/i },
  { word: "evenement / event (say: bijeenkomst)", pattern: /evenement|\bevents?\b/i },
  { word: "verslag / notities (say: aantekeningen)", pattern: /verslag|notitie/i },
  { word: "persoonlijk (say: privé)", pattern: /persoonlijk/i },
  { word: "deactiveren / blokkeren (say: uitschakelen)", pattern: /deactiv|blokke/i },
  { word: "cijfer for a rating (say: score van 1 tot 5)", pattern: /\bcijfer\b/i },
  { word: "digest / nieuwsbrief (say: overzicht per periode, weekoverzicht)", pattern: /digest|nieuwsbrief/i },
  { word: "notificatie (say: melding)", pattern: /notificatie/i },
  { word: "auditlog (say: activiteitenlog)", pattern: /auditlog/i },
  { word: "onderzoeksvraag (say: leervraag)", pattern: /onderzoeksvra/i },
  { word: "convenant / contract (say: samenwerkingsovereenkomst)", pattern: /convenant|\bcontract/i },
  { word: "enquête / survey (say: inspiratieronde)", pattern: /enquête|survey/i },
  // A "bijeenkomst" is a network evening; one meeting of intervision is "intervisie".
  { word: "bijeenkomst for intervision (say: intervisie)", pattern: /bijeenkomst/i, unless: (key) => !intervisionKey(key) },
];

// Outsiders (no account) read the public event page, their registration page and the mails about it, an input
// round's page, and the public page of an agreement with its join form and the mail with the answer.
const publicKey = (key: string) =>
  key.startsWith("eventPublic.") ||
  key.startsWith("roundPublic.") ||
  key === "eventRegistrations.message.footer" ||
  key.startsWith("joining.public.") ||
  key.startsWith("joiningMail.") ||
  // The programme's public page, its form to ask to come and see a coalition, and the mail with the answer.
  key.startsWith("open.") ||
  key.startsWith("visitMail.") ||
  // Signing an agreement by link, without an account: the page and its mail.
  key.startsWith("agreement.sign.je.") ||
  key.startsWith("agreementMail.link.");
const formal = /\b(u|uw|uzelf)\b/i;
const informal = /\b(je|jij|jou|jouw|jezelf|jijzelf)\b/i;

function textOf(value: string): string {
  return value.replace(/\{\w+\}/g, " ").replace(/\/[\w/-]+/g, " ");
}

function violations(dictionary: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(dictionary)) {
    const text = textOf(value);
    for (const rule of rules) {
      if (rule.pattern.test(text) && !rule.unless?.(key)) found.push(`${key}: ${rule.word}: “${value}”`);
    }
    if (publicKey(key) && formal.test(text)) found.push(`${key}: says "u" to an outsider: “${value}”`);
    if (!publicKey(key) && informal.test(text)) found.push(`${key}: says "je" on a signed-in page or mail: “${value}”`);
  }
  return found;
}

describe("the Dutch words of WORDS.md", () => {
  const files = Object.entries(modules).map(([file, exports]) => [file.replace(/^.*\//, ""), Object.values(exports)[0]] as const);

  it("reads every Dutch dictionary", () => {
    expect(files.map(([file]) => file)).toEqual(expect.arrayContaining(["common.ts", "mail.server.ts", "sessions.ts"]));
  });

  it.each(files.filter(([file]) => !file.startsWith("index")))("%s uses one word per thing and one form of address", (_file, dictionary) => {
    expect(violations(dictionary)).toEqual([]);
  });

  it("catches the words it is meant to catch", () => {
    expect(violations({ "reflections.intro": "Het logboek van het team" })).toHaveLength(2);
    expect(violations({ "members.x": "U wordt lid van {team}" })).toHaveLength(1);
    expect(violations({ "invite.x": "Wilt u lid worden?" })).toEqual([]);
    expect(violations({ "event.x": "Een bijeenkomst voor de buurt" })).toEqual([]);
    expect(violations({ "sessions.x": "De volgende bijeenkomst" })).toHaveLength(1);
    expect(violations({ "eventPublic.x": "Uw aanmelding" })).toHaveLength(1);
    expect(violations({ "settings.x": "Je wachtwoord" })).toHaveLength(1);
  });
});
