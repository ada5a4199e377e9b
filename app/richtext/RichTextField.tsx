import { useLocation, useNavigation } from "@remix-run/react";
import { Component, useEffect, useId, useRef, useState, type ComponentType, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { FieldErrors } from "../ui/Field";
import { useLocale, useT } from "../ui/i18n";
import { clearDraft } from "./draft";
import type { RichTextEditorProps } from "./Editor.client";
import { plainTextForTextarea, richTextFromPlainText } from "./from-plain-text";
import type { MentionSource } from "./mentions";
import type { RichTextState } from "./schema";

export { clearDraft } from "./draft";

type Props = {
  name: string;
  label: string;
  initialState?: RichTextState | null;
  /** Keeps unsent text in this browser under leernetwerk:draft:KEY, e.g. "reflection:new:apeldoorn". */
  draftKey?: string;
  errors?: string[];
  id?: string;
  hint?: string;
  /** Typing "@" in the editor suggests people who can read this item (reflections and lessons only). */
  mentions?: MentionSource;
};

type LoadedEditor = { Editor: ComponentType<RichTextEditorProps>; initialJson: string | null; autoFocus: boolean };

/** If the editor itself fails, the person gets the plain textarea back instead of a broken form. */
class EditorBoundary extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error(error);
    this.props.onError();
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * A labelled rich-text field. Without JavaScript (and until the editor has loaded) it is a plain textarea
 * named `${name}Text`; after hydration the Lexical editor replaces it and submits JSON as `name`.
 */
export function RichTextField({ name, label, initialState, draftKey, errors, id, hint, mentions }: Props) {
  const t = useT();
  const locale = useLocale();
  const generatedId = useId();
  const fieldId = id ?? `richtext-${generatedId}`;
  const ids = { label: `${fieldId}-label`, hint: `${fieldId}-hint`, textHint: `${fieldId}-text-hint`, error: `${fieldId}-error` };
  const prefill = plainTextForTextarea(initialState);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [loaded, setLoaded] = useState<LoadedEditor | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let mounted = true;
    import("./Editor.client").then(
      ({ RichTextEditor }) => {
        if (!mounted) return;
        // Whatever was typed in the textarea while the editor loaded goes along into the editor.
        const typed = textarea.current && textarea.current.value !== prefill ? richTextFromPlainText(textarea.current.value) : null;
        const start = typed ?? initialState;
        // Swap in the same task as reading the textarea, so no keystroke can fall in between.
        flushSync(() =>
          setLoaded({
            Editor: RichTextEditor,
            initialJson: start && start.root.children.length > 0 ? JSON.stringify(start) : null,
            autoFocus: textarea.current !== null && document.activeElement === textarea.current,
          }),
        );
      },
      () => {
        // Offline or a new deployment: the textarea keeps working.
      },
    );
    return () => {
      mounted = false;
    };
  }, []); // once: the editor starts from the first render's state, later changes belong to the editor

  // The draft goes once a submission carrying this field has been redirected to another page, which is how
  // every form here says "saved"; a refused save stays on the page and keeps the draft.
  const navigation = useNavigation();
  const location = useLocation();
  useEffect(() => {
    const sent = navigation.formData;
    if (
      draftKey &&
      navigation.state === "loading" &&
      sent &&
      (sent.has(name) || sent.has(`${name}Text`)) &&
      navigation.location.pathname !== location.pathname
    ) {
      clearDraft(draftKey);
    }
  }, [navigation, location.pathname, draftKey, name]);

  const invalid = Boolean(errors?.length);
  const describedBy = (textareaMode: boolean) =>
    [hint ? ids.hint : null, textareaMode ? ids.textHint : null, invalid ? ids.error : null].filter(Boolean).join(" ") ||
    undefined;
  const editing = loaded !== null && !failed;

  return (
    <div className={invalid ? "field field-invalid rich-text-field" : "field rich-text-field"}>
      <label
        id={ids.label}
        htmlFor={editing ? undefined : fieldId}
        onClick={editing ? () => document.getElementById(fieldId)?.focus() : undefined}
      >
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {editing ? (
        <EditorBoundary onError={() => setFailed(true)}>
          <loaded.Editor
            name={name}
            id={fieldId}
            labelId={ids.label}
            describedBy={describedBy(false)}
            invalid={invalid}
            initialJson={loaded.initialJson}
            draftKey={draftKey}
            autoFocus={loaded.autoFocus}
            t={t}
            locale={locale}
            mentions={mentions}
          />
        </EditorBoundary>
      ) : (
        <>
          <p className="field-hint" id={ids.textHint}>
            {t("richtext.textareaHint")}
          </p>
          <textarea
            ref={textarea}
            id={fieldId}
            name={`${name}Text`}
            defaultValue={prefill}
            rows={12}
            aria-describedby={describedBy(true)}
            aria-invalid={invalid || undefined}
          />
        </>
      )}
      <FieldErrors id={ids.error} errors={errors} />
    </div>
  );
}
