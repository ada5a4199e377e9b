import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { richTextFromPlainText } from "../../app/richtext/from-plain-text";
import { RichTextField } from "../../app/richtext/RichTextField";
import { RichText } from "../../app/richtext/RichText";
import type { RichTextState } from "../../app/richtext/schema";
import { translator } from "../../app/i18n/i18n";

// What the server sends, and so what works without JavaScript: a labelled textarea, prefilled.

async function serverRender(element: ReactElement, locale: "nl" | "en" = "nl") {
  const routes = [{ id: "root", path: "/", loader: () => ({ locale }), element }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

describe("RichTextField on the server", () => {
  it("is a labelled textarea named bodyText, prefilled with the text", async () => {
    const html = await serverRender(
      <RichTextField
        name="body"
        id="body-field"
        label="Uw reflectie"
        hint="Wat ging goed?"
        initialState={richTextFromPlainText("Eerste <b>alinea</b>\n\nTweede")}
        errors={["richtext.empty"]}
        draftKey="reflection:1"
      />,
    );
    expect(html).toContain('<label id="body-field-label" for="body-field">Uw reflectie</label>');
    expect(html).toMatch(/<textarea[^>]*name="bodyText"/);
    expect(html).toMatch(/<textarea[^>]*id="body-field"/);
    expect(html).toMatch(/<textarea[^>]*aria-describedby="body-field-hint body-field-text-hint body-field-error"/);
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(html).toContain(">Eerste &lt;b&gt;alinea&lt;/b&gt;\n\nTweede</textarea>");
    expect(html).toContain("Laat een lege regel tussen alinea&#x27;s.");
    expect(html).toContain('<p class="field-error" id="body-field-error">Vul dit veld in.</p>');
    expect(html).not.toMatch(/name="body"/);
    expect(html).not.toMatch(/lexical|contenteditable/i);
  });

  it("speaks English to English readers and starts empty without a state", async () => {
    const html = await serverRender(<RichTextField name="notes" label="Notes" />, "en");
    expect(html).toContain("Leave an empty line between paragraphs.");
    expect(html).toMatch(/<textarea[^>]*name="notesText"[^>]*><\/textarea>/);
  });
});

const ANNA = "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";

describe("a mention on the page", () => {
  const state = {
    root: { type: "root", children: [{ type: "paragraph", children: [{ type: "mention", personId: ANNA, text: "@Anna de Vries", format: 0, detail: 0, mode: "token", style: "", version: 1 }] }] },
  } as unknown as RichTextState;

  it("shows the person's name now, or 'former member' once they are gone, never their old name", async () => {
    expect(await serverRender(<RichText state={state} names={{ [ANNA]: "Anna Jansen" }} />)).toContain('<span class="mention">@Anna Jansen</span>');
    const gone = await serverRender(<RichText state={state} names={{ [ANNA]: "" }} />);
    expect(gone).toContain(`<span class="mention">@${translator("nl")("departures.formerMember")}</span>`);
    expect(gone).not.toContain("Anna");
  });

  it("shows the name as written where the page knows no better", async () => {
    expect(await serverRender(<RichText state={state} />)).toContain('<span class="mention">@Anna de Vries</span>');
  });
});
