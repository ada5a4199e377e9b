import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { plainTextOf } from "../../app/richtext/plain-text.server";
import { RichText } from "../../app/richtext/RichText";
import { parsedSafeHref, startsWithAllowedScheme } from "../../app/richtext/rules";
import { checkRichText, parseRichTextJson, type RichTextState } from "../../app/richtext/schema";

// Hostile input, first through the validator, then (when it is accepted) through the renderer.
// A rejection must name the right message; an acceptance must render without script, handlers or styles.

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: "text",
  text: value,
  format: 0,
  detail: 0,
  mode: "normal",
  style: "",
  version: 1,
  ...extra,
});
const paragraph = (...children: unknown[]) => ({ type: "paragraph", children, direction: null, format: "", indent: 0, version: 1 });
const link = (url: unknown, extra: Record<string, unknown> = {}) => ({
  type: "link",
  url,
  children: [text("click")],
  direction: null,
  format: "",
  indent: 0,
  version: 1,
  ...extra,
});
const list = (listType: string, ...items: unknown[]) => ({ type: "list", listType, start: 1, children: items, version: 1 });
const item = (...children: unknown[]) => ({ type: "listitem", value: 1, children, version: 1 });
const doc = (...children: unknown[]) => ({ root: { type: "root", children, direction: null, format: "", indent: 0, version: 1 } });
const json = (value: unknown) => JSON.stringify(value);
const PERSON = "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
const mention = (extra: Record<string, unknown> = {}) => ({ ...text("@Anna de Vries", { mode: "token" }), type: "mention", personId: PERSON, ...extra });

/** Lists nested `levels` deep: root › list › item › list › item … */
function nestedLists(levels: number) {
  let node: unknown = item(text("deepest"));
  for (let i = 0; i < levels; i++) node = item(list("bullet", node));
  return doc(list("bullet", node));
}

// javascript: with an authority: "//host/" makes it look like an address with a host, and the encoded new line
// ends the "//" comment, so a browser runs alert(1). Each of the link checks must refuse these on its own.
const hostileSchemes = [
  "javascript://host/%0Aalert(1)",
  "JaVaScRiPt://x/%0aalert(1)",
  " javascript://host/%0Aalert(1)",
  "\tjavascript://host/%0Aalert(1)",
  "\njavascript://host/%0Aalert(1)",
  "\r\n javascript://host/%0Aalert(1)",
  "java\tscript://host/%0Aalert(1)",
  "java\nscript://host/%0Aalert(1)",
];

type Case = { name: string; input: string | object; expect: "accept" | `richtext.${string}`; check?: (state: RichTextState, html: string) => void };

const corpus: Case[] = [
  // Markup in text is just text.
  { name: "<script> in a text node", input: json(doc(paragraph(text("<script>alert(1)</script>")))), expect: "accept",
    check: (_, html) => expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;") },
  { name: "<img onerror> in a text node", input: json(doc(paragraph(text('<img src=x onerror="alert(1)">')))), expect: "accept" },
  { name: "attribute break-out with onclick in text", input: json(doc(paragraph(text('" onclick="alert(1)" x="')))), expect: "accept",
    check: (_, html) => expect(html).toContain("&quot; onclick=&quot;alert(1)&quot;") },
  { name: "</div><script> in a heading", input: json(doc({ type: "heading", tag: "h2", children: [text("</div><script>x</script>")] })), expect: "accept" },
  { name: "<iframe> in a list item", input: json(doc(list("bullet", item(text("<iframe src=javascript:alert(1)>"))))), expect: "accept" },
  // Links: only http, https, mailto.
  { name: "javascript: link", input: json(doc(paragraph(link("javascript:alert(1)")))), expect: "richtext.badLink" },
  { name: "JavaScript: link (mixed case)", input: json(doc(paragraph(link("JavaScript:alert(1)")))), expect: "richtext.badLink" },
  { name: "' javascript:' link (leading space)", input: json(doc(paragraph(link(" javascript:alert(1)")))), expect: "richtext.badLink" },
  { name: "tab inside java\\tscript:", input: json(doc(paragraph(link("java\tscript:alert(1)")))), expect: "richtext.badLink" },
  { name: "NUL before javascript:", input: json(doc(paragraph(link("\u0000javascript:alert(1)")))), expect: "richtext.badLink" },
  { name: "HTML-entity javascript&colon;", input: json(doc(paragraph(link("javascript&colon;alert(1)")))), expect: "richtext.badLink" },
  ...hostileSchemes.map((url): Case => ({ name: `${JSON.stringify(url)} link`, input: json(doc(paragraph(link(url)))), expect: "richtext.badLink" })),
  { name: "data: link", input: json(doc(paragraph(link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")))), expect: "richtext.badLink" },
  { name: "vbscript: link", input: json(doc(paragraph(link("vbscript:msgbox(1)")))), expect: "richtext.badLink" },
  { name: "protocol-relative //evil link", input: json(doc(paragraph(link("//evil.example/steal")))), expect: "richtext.badLink" },
  { name: "relative /path link", input: json(doc(paragraph(link("/admin/accounts")))), expect: "richtext.badLink" },
  { name: "https:\\\\evil backslash link", input: json(doc(paragraph(link("https:\\\\evil.example")))), expect: "richtext.badLink" },
  { name: "https:// without a host", input: json(doc(paragraph(link("https://")))), expect: "richtext.badLink" },
  { name: "link longer than 2048 characters", input: json(doc(paragraph(link(`https://example.org/${"a".repeat(2100)}`)))), expect: "richtext.badLink" },
  { name: "url that is not a string", input: json(doc(paragraph(link({ href: "https://example.org" })))), expect: "richtext.invalid" },
  { name: "quote break-out inside an https url", input: json(doc(paragraph(link('https://example.org/" onmouseover="alert(1)')))), expect: "accept",
    check: (state, html) => {
      expect(html).not.toMatch(/\sonmouseover=/i);
      const url = (state.root.children[0] as { children: { url: string }[] }).children[0].url;
      expect(url).toBe("https://example.org/%22%20onmouseover=%22alert(1)");
    } },
  { name: "link with its own rel, target and title", input: json(doc(paragraph(link("HTTPS://Example.ORG/a", { rel: "opener", target: "_top", title: "x" })))), expect: "accept",
    check: (state, html) => {
      expect(html).toContain('<a href="https://example.org/a" rel="noopener noreferrer nofollow ugc">click</a>');
      expect(json(state)).toContain('"rel":null,"target":null,"title":null');
    } },
  { name: "mailto link", input: json(doc(paragraph(link("mailto:coalitie@example.org")))), expect: "accept",
    check: (_, html) => expect(html).toContain('href="mailto:coalitie@example.org"') },
  { name: "link inside a link", input: json(doc(paragraph({ ...link("https://a.example"), children: [link("https://b.example")] }))), expect: "richtext.invalid" },
  // Node types and their fields.
  { name: "unknown node type (image)", input: json(doc(paragraph({ type: "image", src: "https://x.example/a.png", version: 1 }))), expect: "richtext.invalid" },
  { name: "unknown block type (html)", input: json(doc({ type: "html", html: "<script>alert(1)</script>", version: 1 })), expect: "richtext.invalid" },
  { name: "type in other case (Text)", input: json(doc(paragraph({ ...text("x"), type: "Text" }))), expect: "richtext.invalid" },
  { name: "style on text", input: json(doc(paragraph(text("x", { style: "color: red" })))), expect: "richtext.invalid" },
  { name: "style with url() on text", input: json(doc(paragraph(text("x", { style: "background:url(https://evil.example/t)" })))), expect: "richtext.invalid" },
  { name: "textStyle on a paragraph", input: json(doc({ ...paragraph(text("x")), textStyle: "font-size:90px" })), expect: "richtext.invalid" },
  { name: "text mode token", input: json(doc(paragraph(text("x", { mode: "token" })))), expect: "richtext.invalid" },
  { name: "format bits beyond bold and italic are dropped", input: json(doc(paragraph(text("x", { format: 1 | 4 | 8 | 16 | 64 })))), expect: "accept",
    check: (state, html) => {
      expect((state.root.children[0] as { children: { format: number }[] }).children[0].format).toBe(1);
      expect(html).toBe('<div class="rich-text"><p><strong>x</strong></p></div>');
    } },
  { name: "negative format", input: json(doc(paragraph(text("x", { format: -1 })))), expect: "richtext.invalid" },
  { name: "format that is not an integer", input: json(doc(paragraph(text("x", { format: 1.5 })))), expect: "richtext.invalid" },
  { name: "format far out of range", input: json(doc(paragraph(text("x", { format: 2 ** 40 })))), expect: "richtext.invalid" },
  { name: "heading h1", input: json(doc({ type: "heading", tag: "h1", children: [text("x")] })), expect: "richtext.invalid" },
  { name: "heading tag script", input: json(doc({ type: "heading", tag: "script", children: [text("x")] })), expect: "richtext.invalid" },
  { name: "check list", input: json(doc(list("check", item(text("x"))))), expect: "richtext.invalid" },
  { name: "element format that is not an alignment", input: json(doc({ ...paragraph(text("x")), format: "javascript" })), expect: "richtext.invalid" },
  { name: "direction carrying CSS", input: json(doc({ ...paragraph(text("x")), direction: "ltr; color: red" })), expect: "richtext.invalid" },
  { name: "version as a string", input: json(doc({ ...paragraph(text("x")), version: "1" })), expect: "richtext.invalid" },
  { name: "text node without text", input: json(doc(paragraph({ type: "text", version: 1 }))), expect: "richtext.invalid" },
  { name: "text that is an object", input: json(doc(paragraph(text("x", { text: { toString: "evil" } })))), expect: "richtext.invalid" },
  { name: "text node directly under the root", input: json(doc(text("x"))), expect: "richtext.invalid" },
  { name: "paragraph inside a paragraph", input: json(doc(paragraph(paragraph(text("x"))))), expect: "richtext.invalid" },
  { name: "children that is not an array", input: json(doc({ ...paragraph(), children: { length: 1, 0: text("x") } })), expect: "richtext.invalid" },
  // Mentions: a person's id and "@Name", where text stands, and nothing looser.
  { name: "a mention", input: json(doc(paragraph(text("Dank, "), mention(), text("!")))), expect: "accept",
    check: (state, html) => {
      expect(html).toBe('<div class="rich-text"><p>Dank, <span class="mention">@Anna de Vries</span>!</p></div>');
      expect(html).not.toContain(PERSON);
      expect(json(state)).toContain(`"personId":"${PERSON}"`);
      expect(plainTextOf(state)).toBe("Dank, @Anna de Vries!");
    } },
  { name: "a mention in a heading, a quote and a list item", input: json(doc({ type: "heading", tag: "h2", children: [mention()] }, { type: "quote", children: [mention()] }, list("bullet", item(mention())))), expect: "accept" },
  { name: "a mention id in capitals is stored in lower case", input: json(doc(paragraph(mention({ personId: PERSON.toUpperCase() })))), expect: "accept",
    check: (state) => expect(json(state)).toContain(`"personId":"${PERSON}"`) },
  { name: "a mention without a person", input: json(doc(paragraph(mention({ personId: undefined })))), expect: "richtext.invalid" },
  { name: "a mention whose person is not an id", input: json(doc(paragraph(mention({ personId: "admin' or 1=1 --" })))), expect: "richtext.invalid" },
  { name: "a mention whose person is a number", input: json(doc(paragraph(mention({ personId: 42 })))), expect: "richtext.invalid" },
  { name: "a mention whose person is a list of ids", input: json(doc(paragraph(mention({ personId: [PERSON, PERSON] })))), expect: "richtext.invalid" },
  { name: "a mention without its @", input: json(doc(paragraph(mention({ text: "Anna" })))), expect: "richtext.invalid" },
  { name: "a mention of just @", input: json(doc(paragraph(mention({ text: "@" })))), expect: "richtext.invalid" },
  { name: "a mention over two lines", input: json(doc(paragraph(mention({ text: "@Anna\nSchrijf hier iets anders" })))), expect: "richtext.invalid" },
  { name: "a mention longer than a name", input: json(doc(paragraph(mention({ text: `@${"a".repeat(201)}` })))), expect: "richtext.invalid" },
  { name: "a mention with a control character", input: json(doc(paragraph(mention({ text: "@Anna\u0000" })))), expect: "richtext.invalid" },
  { name: "a mention with style", input: json(doc(paragraph(mention({ style: "color:red" })))), expect: "richtext.invalid" },
  { name: "a mention in normal (editable) mode", input: json(doc(paragraph(mention({ mode: "normal" })))), expect: "richtext.invalid" },
  { name: "a mention with children", input: json(doc(paragraph(mention({ children: [link("javascript:alert(1)")] })))), expect: "accept",
    check: (state, html) => {
      expect(Object.keys((state.root.children[0] as { children: object[] }).children[0])).not.toContain("children");
      expect(html).not.toContain("javascript");
    } },
  { name: "a mention inside a link", input: json(doc(paragraph({ ...link("https://a.example"), children: [mention()] }))), expect: "richtext.invalid" },
  { name: "a mention as a block", input: json(doc(mention())), expect: "richtext.invalid" },
  { name: "a mention with markup for a name", input: json(doc(paragraph(mention({ text: '@<img src=x onerror="alert(1)">' })))), expect: "accept",
    check: (_, html) => expect(html).toContain("@&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") },
  { name: "a mention type in other case (Mention)", input: json(doc(paragraph(mention({ type: "Mention" })))), expect: "richtext.invalid" },
  // Structure and size.
  { name: "lists nested 1000 deep", input: json(nestedLists(1000)), expect: "richtext.tooDeep" },
  { name: "lists nested one level too deep", input: json(nestedLists(5)), expect: "richtext.tooDeep" },
  { name: "lists nested as deep as allowed", input: json(nestedLists(4)), expect: "accept" },
  { name: "JSON larger than 200 KB", input: json(doc(paragraph(text("a".repeat(210 * 1024))))), expect: "richtext.tooLarge" },
  { name: "multi-byte text over 200 KB in UTF-8 but not in characters", input: json(doc(paragraph(text("€".repeat(70_000))))), expect: "richtext.tooLarge" },
  { name: "100,000 line breaks", input: json(doc(paragraph(...Array.from({ length: 100_000 }, () => ({ type: "linebreak", version: 1 }))))), expect: "richtext.tooLarge" },
  { name: "20,000 nodes as an object (no JSON size to stop them)", input: doc(paragraph(...Array.from({ length: 20_000 }, () => ({ type: "linebreak", version: 1 })))), expect: "richtext.tooLarge" },
  { name: "invalid JSON", input: '{"root": {"type": "root", "children": [', expect: "richtext.invalid" },
  { name: "empty string", input: "", expect: "richtext.invalid" },
  { name: "JSON null", input: "null", expect: "richtext.invalid" },
  { name: "JSON array", input: "[]", expect: "richtext.invalid" },
  { name: "JSON number", input: "42", expect: "richtext.invalid" },
  { name: "missing root", input: "{}", expect: "richtext.invalid" },
  { name: "root that is a string", input: '{"root": "<script>"}', expect: "richtext.invalid" },
  { name: "root that is an array", input: '{"root": []}', expect: "richtext.invalid" },
  { name: "root of type paragraph", input: json({ root: { ...paragraph(), type: "paragraph" } }), expect: "richtext.invalid" },
  // Text must be valid Unicode.
  { name: "lone high surrogate \\ud800", input: '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"a\\ud800b"}]}]}}', expect: "richtext.invalid" },
  { name: "lone low surrogate \\udc00", input: '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"\\udc00"}]}]}}', expect: "richtext.invalid" },
  { name: "surrogate pair (emoji) is fine", input: '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"\\ud83d\\ude00"}]}]}}', expect: "accept",
    check: (_, html) => expect(html).toContain("😀") },
  { name: "NUL character in text (PostgreSQL jsonb refuses it)", input: json(doc(paragraph(text("a\u0000b")))), expect: "richtext.invalid" },
  // Prototype keys are data, never prototypes.
  { name: "__proto__ key instead of root", input: '{"__proto__": {"root": {"type": "root", "children": []}}}', expect: "richtext.invalid" },
  { name: "__proto__ key next to root", input: `{"__proto__": {"polluted": true}, "root": ${json(doc(paragraph(text("x"))).root)}}`, expect: "accept",
    check: (state) => {
      expect(Object.keys(state)).toEqual(["root"]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } },
  { name: "constructor and prototype keys in a node", input: json(doc(paragraph(text("x", { constructor: { prototype: { polluted: true } } })))), expect: "accept",
    check: (state) => {
      expect(Object.keys((state.root.children[0] as { children: object[] }).children[0])).not.toContain("constructor");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } },
  { name: "unknown keys are dropped, however deep", input: json({ ...doc(paragraph(text("x"))), extra: nestedLists(50), root: { ...doc(paragraph(text("x"))).root, onload: "alert(1)" } }), expect: "accept",
    check: (state) => expect(json(state)).not.toMatch(/onload|extra/) },
];

function rendered(state: RichTextState) {
  return renderToStaticMarkup(<RichText state={state} />);
}

/** Text is escaped, so every "<" left in the markup opens a real tag: those must be allowed ones, without handlers or styles. */
function expectHarmless(html: string) {
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    expect(tag).toMatch(/^<\/?(?:div|p|h2|h3|strong|em|ul|ol|li|blockquote|br|a|span)[\s/>]/);
    if (tag.startsWith("<span")) expect(tag).toBe('<span class="mention">');
    expect(tag).not.toMatch(/\s(?:on[a-z]+|style|src|srcdoc|formaction)=/i);
  }
  for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/);
}

describe(`hostile rich text (corpus of ${corpus.length} cases)`, () => {
  it("has a corpus of at least 25 cases", () => {
    console.log(`rich-text hostile corpus: ${corpus.length} cases`);
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  for (const testCase of corpus) {
    it(`${testCase.expect === "accept" ? "accepts" : "rejects"}: ${testCase.name}`, () => {
      const result = typeof testCase.input === "string" ? parseRichTextJson(testCase.input) : checkRichText(testCase.input);
      if (testCase.expect !== "accept") {
        expect(result).toEqual({ ok: false, message: testCase.expect });
        return;
      }
      if (!result.ok) throw new Error(`rejected with ${result.message}`);
      const html = rendered(result.value);
      expectHarmless(html);
      expect(() => plainTextOf(result.value)).not.toThrow();
      testCase.check?.(result.value, html);
    });
  }
});

describe("each link check on its own", () => {
  it.each(hostileSchemes)("the first (the stored text's start) refuses %j", (url) => {
    expect(startsWithAllowedScheme(url)).toBe(false);
  });

  it.each(hostileSchemes)("the second (the address as a browser parses it) refuses %j too", (url) => {
    expect(parsedSafeHref(url)).toBeNull();
  });

  it("both let a plain https and mailto address through", () => {
    for (const url of ["https://example.org/a", "mailto:coalitie@example.org"]) {
      expect(startsWithAllowedScheme(url)).toBe(true);
      expect(parsedSafeHref(url)).toBe(url);
    }
  });
});

describe("the renderer, given states forced past the validator", () => {
  const forced = (value: unknown) => rendered(value as RichTextState);

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "\njavascript:alert(1)",
    ...hostileSchemes,
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example",
    "/relative",
    "",
  ])("renders no href for %j, only the link's words", (url) => {
    const html = forced(doc(paragraph(link(url))));
    expect(html).toBe('<div class="rich-text"><p>click</p></div>');
  });

  it("renders an unknown node's text as text and drops its children and attributes", () => {
    const html = forced(doc(paragraph({ type: "html", text: "<b onclick=x>hi</b>", children: [text("hidden")] }), { type: "script", children: [text("alert(1)")] }));
    expect(html).toBe('<div class="rich-text"><p>&lt;b onclick=x&gt;hi&lt;/b&gt;</p></div>');
  });

  it("ignores style, odd format bits, odd heading tags and odd list types", () => {
    const html = forced(
      doc(
        { type: "heading", tag: "script", children: [text("Kop", { style: "color:red", format: 0xffff })] },
        list("check", item(text("a"))),
      ),
    );
    expect(html).toBe('<div class="rich-text"><h2><strong><em>Kop</em></strong></h2><ul><li>a</li></ul></div>');
  });

  it("renders nothing for a missing or broken state", () => {
    expect(forced(null)).toBe('<div class="rich-text"></div>');
    expect(forced({ root: "x" })).toBe('<div class="rich-text"></div>');
    expect(forced({ root: { children: [null, 1, "s", [text("x")]] } })).toBe('<div class="rich-text"></div>');
  });

  it("stops at absurd depth instead of overflowing the stack", () => {
    expect(() => forced(nestedLists(5000))).not.toThrow();
  });
});
