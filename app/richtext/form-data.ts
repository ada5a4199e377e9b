import { richTextFromPlainText } from "./from-plain-text";

/**
 * Without JavaScript a rich-text field arrives as plain text in `${name}Text`; with the editor, as
 * Lexical JSON in `name`. After this, the form data always has `name` as JSON.
 */
export function withRichTextFromTextarea(formData: FormData, name: string): FormData {
  const text = formData.get(`${name}Text`);
  if (!formData.get(name) && typeof text === "string") {
    formData.set(name, JSON.stringify(richTextFromPlainText(text)));
  }
  formData.delete(`${name}Text`);
  return formData;
}
