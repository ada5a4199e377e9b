import { createHeadlessEditor } from "@lexical/headless";
import { $createLinkNode, LinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from "@lexical/rich-text";
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainTextForTextarea, richTextFromPlainText, richTextFromTextarea } from "../../app/richtext/from-plain-text";
import { plainTextOf } from "../../app/richtext/plain-text.server";
import { RichText } from "../../app/richtext/RichText";
import { checkRichText, isEmptyRichText, parseRichTextJson, richTextField, type RichTextState } from "../../app/richtext/schema";

/** A reflection as the real Lexical editor serializes it: every allowed node at least once. */
function lexicalDocument(): unknown {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError(error) {
      throw error;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      root.append($createHeadingNode("h2").append($createTextNode("Wat ging goed")));
      root.append(
        $createParagraphNode().append(
          $createTextNode("We spraken "),
          $createTextNode("samen").toggleFormat("bold"),
          $createTextNode(" af").toggleFormat("italic"),
          $createLineBreakNode(),
          $createTextNode("zie "),
          $createLinkNode("https://example.org/verslag").append($createTextNode("het verslag")),
        ),
      );
      root.append($createHeadingNode("h3").append($createTextNode("Afspraken")));
      const nested = $createListItemNode().append($createListNode("bullet").append($createListItemNode().append($createTextNode("bewoners eerst"))));
      root.append(
        $createListNode("number").append(
          $createListItemNode().append($createTextNode("elke maand")),
          nested,
          $createListItemNode().append($createTextNode("koffie")),
        ),
      );
      root.append($createQuoteNode().append($createTextNode("Wij doen het samen.")));
      root.append($createParagraphNode());
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

function accepted(value: unknown): RichTextState {
  const result = checkRichText(value);
  if (!result.ok) throw new Error(`rejected: ${result.message}`);
  return result.value;
}

describe("the schema and Lexical", () => {
  it("accepts what Lexical itself serializes, unchanged", () => {
    const serialized = lexicalDocument();
    expect(accepted(serialized)).toEqual(serialized);
    expect(parseRichTextJson(JSON.stringify(serialized)).ok).toBe(true);
  });

  it("knows an empty editor (one empty paragraph) and white space for empty", () => {
    expect(isEmptyRichText(richTextFromPlainText(""))).toBe(true);
    expect(isEmptyRichText(richTextFromPlainText(" \n\n \t"))).toBe(true);
    expect(isEmptyRichText(richTextFromPlainText("x"))).toBe(false);
  });
});

describe("plainTextOf (search text, through @lexical/headless)", () => {
  it("gives the words of headings, lists, quotes and links, one block per paragraph", () => {
    expect(plainTextOf(accepted(lexicalDocument()))).toBe(
      [
        "Wat ging goed",
        "We spraken samen af\nzie het verslag",
        "Afspraken",
        "elke maand\n\nbewoners eerst\n\nkoffie",
        "Wij doen het samen.",
      ].join("\n\n"),
    );
  });

  it("reads text that came from the textarea", () => {
    expect(plainTextOf(richTextFromPlainText("Eén\ntwee\n\n\n\ndrie"))).toBe("Eén\ntwee\n\ndrie");
  });
});

describe("plain text for the textarea without JavaScript", () => {
  it("makes paragraphs from blank lines and line breaks from single newlines", () => {
    const state = richTextFromPlainText("Wat ging goed?\nVeel.\n\nWaar schuurde het?");
    expect(state.root.children.map((block) => block.children.map((node) => node.type))).toEqual([
      ["text", "linebreak", "text"],
      ["text"],
    ]);
    expect(accepted(state)).toEqual(state);
  });

  it.each([
    ["one paragraph", "Alleen dit."],
    ["two paragraphs", "Eerste.\n\nTweede."],
    ["line breaks", "regel 1\nregel 2\nregel 3"],
    ["a trailing blank line leaves an empty paragraph to write in", "Wat nemen we mee?\n\n"],
    ["markup stays text", "<script>alert(1)</script>\n\n**niet vet**"],
    ["tabs and emoji", "a\tb 😀"],
  ])("round-trips %s", (_, text) => {
    const state = richTextFromPlainText(text);
    expect(plainTextForTextarea(state)).toBe(text);
    expect(richTextFromPlainText(plainTextForTextarea(state))).toEqual(state);
    expect(checkRichText(state).ok).toBe(true);
  });

  it.each([
    ["Windows line ends", "a\r\nb\r\n\r\nc", "a\nb\n\nc"],
    ["several blank lines", "a\n\n\n\nb", "a\n\nb"],
    ["blank lines with spaces", "a\n  \t\nb", "a\n\nb"],
    ["leading blank lines", "\n\n\na", "a"],
    ["only white space", "  \n\n ", ""],
    ["lone surrogates and control characters", "a\ud800b\u0000c\u0007", "a\uFFFDbc"],
  ])("normalises %s", (_, text, expected) => {
    const state = richTextFromPlainText(text);
    expect(plainTextForTextarea(state)).toBe(expected);
    expect(checkRichText(state).ok).toBe(true);
  });

  it("shows headings, lists and quotes as readable lines", () => {
    expect(plainTextForTextarea(accepted(lexicalDocument()))).toBe(
      [
        "Wat ging goed",
        "We spraken samen af\nzie het verslag",
        "Afspraken",
        "1. elke maand\n  - bewoners eerst\n2. koffie",
        "> Wij doen het samen.",
        "",
      ].join("\n\n"),
    );
  });

  it("keeps the formatted version when the textarea comes back unchanged", () => {
    const previous = accepted(lexicalDocument());
    const sent = plainTextForTextarea(previous).replace(/\n/g, "\r\n");
    expect(richTextFromTextarea(sent, previous)).toBe(previous);
    expect(richTextFromTextarea(`${sent} extra`, previous)).toEqual(richTextFromPlainText(`${sent} extra`));
    expect(richTextFromTextarea("nieuw", null)).toEqual(richTextFromPlainText("nieuw"));
  });
});

describe("<RichText>", () => {
  it("renders every allowed node as plain HTML", () => {
    expect(renderToStaticMarkup(<RichText state={accepted(lexicalDocument())} />)).toBe(
      '<div class="rich-text">' +
        "<h2>Wat ging goed</h2>" +
        "<p>We spraken <strong>samen</strong><em> af</em><br/>zie " +
        '<a href="https://example.org/verslag" rel="noopener noreferrer nofollow ugc">het verslag</a></p>' +
        "<h3>Afspraken</h3>" +
        '<ol><li value="1">elke maand</li><li class="rich-text-nested"><ul><li>bewoners eerst</li></ul></li><li value="2">koffie</li></ol>' +
        "<blockquote>Wij doen het samen.</blockquote>" +
        "</div>",
    );
  });

  it("renders bold and italic together, a numbered list's start and a mailto link", () => {
    const state = accepted({
      root: {
        type: "root",
        children: [
          { type: "paragraph", children: [{ type: "text", text: "beide", format: 3 }] },
          { type: "list", listType: "number", start: 4, children: [{ type: "listitem", children: [{ type: "text", text: "vier" }] }] },
          { type: "quote", children: [{ type: "link", url: "mailto:a@example.org", children: [{ type: "text", text: "mail" }] }] },
        ],
      },
    });
    expect(renderToStaticMarkup(<RichText state={state} />)).toBe(
      '<div class="rich-text"><p><strong><em>beide</em></strong></p><ol><li value="4">vier</li></ol>' +
        '<blockquote><a href="mailto:a@example.org" rel="noopener noreferrer nofollow ugc">mail</a></blockquote></div>',
    );
  });
});

describe("richTextField in a form schema", () => {
  const required = z.object({ body: richTextField({ required: true }) });
  const optional = z.object({ body: richTextField() });
  const messages = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((issue) => issue.message);
  const filled = JSON.stringify(richTextFromPlainText("Iets"));
  const empty = JSON.stringify(richTextFromPlainText(""));

  it("yields the state for a filled field", () => {
    expect(required.parse({ body: filled }).body).toEqual(richTextFromPlainText("Iets"));
  });

  it("answers with message keys", () => {
    expect(messages(required.safeParse({}))).toEqual(["richtext.empty"]);
    expect(messages(required.safeParse({ body: empty }))).toEqual(["richtext.empty"]);
    expect(messages(required.safeParse({ body: "{" }))).toEqual(["richtext.invalid"]);
    expect(messages(required.safeParse({ body: 7 }))).toEqual(["richtext.invalid"]);
    const badLink = JSON.stringify({
      root: { type: "root", children: [{ type: "paragraph", children: [{ type: "link", url: "javascript:x", children: [] }] }] },
    });
    expect(messages(required.safeParse({ body: badLink }))).toEqual(["richtext.badLink"]);
    expect(messages(optional.safeParse({ body: "x".repeat(300_000) }))).toEqual(["richtext.tooLarge"]);
  });

  it("leaves an optional field undefined when it is empty", () => {
    expect(optional.parse({}).body).toBeUndefined();
    expect(optional.parse({ body: empty }).body).toBeUndefined();
    expect(optional.parse({ body: filled }).body).toEqual(richTextFromPlainText("Iets"));
  });
});
