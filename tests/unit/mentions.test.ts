import { describe, expect, it } from "vitest";
import {
  commentParts,
  commentWithMentions,
  mentionedInComment,
  mentionedInRichText,
  mentionQueryBefore,
  mentionToken,
} from "../../app/richtext/mentions";
import { richTextField } from "../../app/richtext/schema";

// How a mention is written down and read back: tokens in a comment, nodes in a rich text, the "@na" being typed.

const ANNA = { id: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b", name: "Anna de Vries" };
const BOB = { id: "1c6a8d2f-3b4e-4f60-9bac-1d2e3f4a5b6c", name: "Bob" };

describe("a comment's mentions", () => {
  it("become tokens for the people picked, wherever their @Name stands", () => {
    const body = commentWithMentions("Dank @Anna de Vries en @Bob! Ook @Anna de Vries.", [ANNA, BOB]);
    expect(body).toBe(`Dank ${mentionToken(ANNA)} en ${mentionToken(BOB)}! Ook ${mentionToken(ANNA)}.`);
    expect(mentionedInComment(body)).toEqual([ANNA, BOB]);
  });

  it("leave out a person picked and typed away again", () => {
    expect(commentWithMentions("Dank @Anna", [ANNA])).toBe("Dank @Anna");
    expect(mentionedInComment("Dank @Anna")).toEqual([]);
  });

  it("read back as text and people, in order, with a crafted token counting as a mention", () => {
    const body = `Zie @[Wie dan ook](${BOB.id.toUpperCase()}) en verder`;
    expect(commentParts(body)).toEqual([{ text: "Zie " }, { mention: { id: BOB.id, name: "Wie dan ook" } }, { text: " en verder" }]);
    expect(mentionedInComment(body)).toEqual([{ id: BOB.id, name: "Wie dan ook" }]);
  });

  it("are not made of brackets that hold no id", () => {
    for (const body of ["@[Anna](admin)", "@[Anna](0b5f7c1e)", "@[](" + ANNA.id + ")", "@[A\nB](" + ANNA.id + ")", "[Anna](" + ANNA.id + ")"]) {
      expect(mentionedInComment(body)).toEqual([]);
    }
  });

  it("keep a name with brackets from breaking the token", () => {
    const token = mentionToken({ id: ANNA.id, name: "Anna [test]" });
    expect(mentionedInComment(`x ${token} y`).map((p) => p.id)).toEqual([ANNA.id]);
  });
});

describe("a rich text's mentions", () => {
  const mention = (personId: string) => ({ type: "mention", personId, text: personId === ANNA.id ? "@Anna de Vries" : "@Bob", format: 0, detail: 0, mode: "token", style: "", version: 1 });
  const state = (...children: unknown[]) => ({ root: { type: "root", children: [{ type: "paragraph", children }] } });

  it("are the person ids of its mention nodes, each once, however deep", () => {
    const list = { type: "list", listType: "bullet", children: [{ type: "listitem", children: [mention(BOB.id)] }] };
    const root = { type: "root", children: [{ type: "paragraph", children: [mention(ANNA.id), mention(ANNA.id)] }, list] };
    expect(mentionedInRichText({ root })).toEqual([ANNA, BOB]);
  });

  it("are refused in a field that takes none (such as intervision notes)", () => {
    const json = JSON.stringify(state(mention(ANNA.id)));
    expect(richTextField({ mentions: true }).safeParse(json).success).toBe(true);
    const refused = richTextField().safeParse(json);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe("richtext.invalid");
  });
});

describe("the name being typed after @", () => {
  it.each([
    ["@", ""],
    ["Hoi @an", "an"],
    ["(@Bo", "Bo"],
    ["regel\n@Anna", "Anna"],
  ])("%j asks for %j", (text, query) => expect(mentionQueryBefore(text)?.query).toBe(query));

  it.each(["mail@example.org", "@Anna de", "geen apenstaart", "@@", `@${"a".repeat(51)}`])("%j asks for nobody", (text) =>
    expect(mentionQueryBefore(text)).toBeNull(),
  );

  it("says where the @ stands", () => expect(mentionQueryBefore("Hoi @an")?.start).toBe(4));
});
