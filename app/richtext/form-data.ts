import { richTextFromTextarea } from "./from-plain-text";
import type { RichTextState } from "./schema";

/**
 * Without JavaScript a rich-text field arrives as plain text in `${name}Text`; with the editor, as
 * Lexical JSON in `name`. After this, the form data always has `name` as JSON. An unchanged textarea
 * keeps the `previous` document with its formatting.
 */
export function withRichTextFromTextarea(formData: FormData, name: string, previous?: RichTextState | null): FormData {
  const text = formData.get(`${name}Text`);
  if (!formData.get(name) && typeof text === "string") {
    formData.set(name, JSON.stringify(richTextFromTextarea(text, previous)));
  }
  formData.delete(`${name}Text`);
  return formData;
}
