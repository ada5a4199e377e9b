// The rules every stored rich text follows, shared by the validator, the renderer and the editor.
// No zod and no Lexical here: the reading pages and the editor chunk both import this file.

/** The serialized JSON may be at most this many bytes (UTF-8). */
export const MAX_RICH_TEXT_BYTES = 200 * 1024;
/** Nodes nested inside each other, counting the root: root › list › item › list › item … › text. */
export const MAX_RICH_TEXT_DEPTH = 12;
/** All nodes of one document together. */
export const MAX_RICH_TEXT_NODES = 10_000;
export const MAX_LINK_LENGTH = 2048;

/** Lexical's text format bits; only these two are kept. */
export const FORMAT_BOLD = 1;
export const FORMAT_ITALIC = 2;
export const ALLOWED_TEXT_FORMAT = FORMAT_BOLD | FORMAT_ITALIC;

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
// The address itself must start with the scheme: no leading blanks or control characters, no relative or
// protocol-relative (//host) addresses that would borrow the page's scheme.
const ALLOWED_START = /^(?:https?:\/\/|mailto:)/i;

/**
 * The first check, on the text exactly as stored: it starts with http://, https:// or mailto:. A browser
 * reads more than it shows (it skips leading blanks, drops tabs and new lines anywhere), so this check
 * alone must already refuse every other scheme, whatever a later check would make of it.
 */
export function startsWithAllowedScheme(url: string): boolean {
  return ALLOWED_START.test(url);
}

/** The second check, on the address as a browser parses it: http, https or mailto, and a host for http(s). */
export function parsedSafeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== "mailto:" && parsed.hostname === "") return null;
  return parsed.href;
}

/** The normalised href of an http, https or mailto address; null for anything else. */
export function safeLinkHref(url: unknown): string | null {
  if (typeof url !== "string" || url.length === 0 || url.length > MAX_LINK_LENGTH) return null;
  if (!startsWithAllowedScheme(url)) return null;
  return parsedSafeHref(url);
}

/** What a person types in the link box: "voorbeeld.nl" becomes https://voorbeeld.nl/, "a@b.nl" a mailto link. */
export function linkFromInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "") return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return safeLinkHref(trimmed);
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return safeLinkHref(`mailto:${trimmed}`);
  if (trimmed.startsWith("/")) return null;
  return safeLinkHref(`https://${trimmed}`);
}

// Control characters other than tab and line ends; PostgreSQL's jsonb refuses \u0000 outright.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROLS = new RegExp(CONTROL.source, "g");

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when every UTF-16 surrogate is part of a pair (JSON's "\ud800" escape can produce one alone). */
export function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    else if (isHighSurrogate(code) || isLowSurrogate(code)) return false;
  }
  return true;
}

/** True for text that is valid Unicode without stray control characters. */
export function isCleanText(text: string): boolean {
  return isWellFormed(text) && !CONTROL.test(text);
}

/** Makes typed or pasted text clean: a lone surrogate becomes U+FFFD, control characters go. */
export function cleanText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text[i] + text[i + 1];
      i++;
    } else out += isHighSurrogate(code) || isLowSurrogate(code) ? "\uFFFD" : text[i];
  }
  return out.replace(CONTROLS, "");
}

/** UTF-8 length of a string without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}
