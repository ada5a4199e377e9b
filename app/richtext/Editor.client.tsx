import { HistoryExtension } from "@lexical/history";
import {
  $createLinkNode,
  $isLinkNode,
  $toggleLink,
  LinkExtension,
  LinkNode,
} from "@lexical/link";
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListExtension,
  ListItemNode,
  ListNode,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  registerMarkdownShortcuts,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from "@lexical/markdown";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { Bold, Heading2, Heading3, Italic, Link, List, ListOrdered, Pilcrow, Redo2, TextQuote, Undo2 } from "lucide";
import type { ReactNode } from "react";
import { Icon } from "../ui/Icon";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalExtensionComposer } from "@lexical/react/LexicalExtensionComposer";
import { useExtensionSignalValue } from "@lexical/react/useExtensionSignalValue";
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
  HeadingAnnounceExtension,
  HeadingNode,
  RichTextExtension,
} from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  configExtension,
  defineExtension,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  ParagraphNode,
  REDO_COMMAND,
  TabNode,
  TextNode,
  UNDO_COMMAND,
  type BaseSelection,
  type EditorThemeClasses,
  type LexicalEditor,
  type LexicalNode,
  type SerializedEditorState,
} from "lexical";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { formatDateTime } from "../i18n/dates";
import type { Locale, Translate } from "../i18n/i18n";
import { clearDraft, readDraft, saveDraft, type Draft } from "./draft";
import { markUnsaved } from "./unsaved";
import { MentionNode } from "./MentionNode";
import type { MentionSource } from "./mentions";
import { MentionsPlugin } from "./MentionsPlugin.client";
import { ALLOWED_TEXT_FORMAT, linkFromInput, safeLinkHref } from "./rules";

// The one rich-text editor of the app. RichTextField imports this file lazily, after hydration, so
// Lexical stays out of every reading page. It only produces what schema.ts accepts: whatever arrives by
// keyboard shortcut or paste is brought back to the allowed nodes and formats as it comes in.

export type RichTextEditorProps = {
  /** The form field that receives the serialized state. */
  name: string;
  /** The id of the editable area. */
  id: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  /** Serialized state to start from; null for an empty editor. */
  initialJson: string | null;
  draftKey?: string;
  /** Put the caret in the editor straight away (the person was already typing in the textarea). */
  autoFocus: boolean;
  t: Translate;
  locale: Locale;
  /** Typing "@" suggests people who can read this item; without it the field takes no mentions. */
  mentions?: MentionSource;
};

// Element classes only; the reading styles of .rich-text apply inside the editor too.
const THEME: EditorThemeClasses = {
  list: { nested: { listitem: "rich-text-nested" } },
  text: { bold: "rich-text-bold", italic: "rich-text-italic" },
};

const HEADING_TRANSFORMER: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) =>
    $isHeadingNode(node) ? `${node.getTag() === "h3" ? "###" : "##"} ${exportChildren(node)}` : null,
  // "# " and "## " make a heading, "### " a subheading: the page title is the only h1.
  regExp: /^(#{1,3})\s/,
  replace: (parentNode, children, match) => {
    const heading = $createHeadingNode(match[1].length === 3 ? "h3" : "h2");
    heading.append(...children);
    parentNode.replace(heading);
    heading.select(0, 0);
  },
  type: "element",
};

const MARKDOWN_SHORTCUTS: Transformer[] = [
  HEADING_TRANSFORMER,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
];

function $unwrap(node: LinkNode) {
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/** Keeps the document inside the allow-list of schema.ts, whatever a shortcut or a paste brings in. */
function registerAllowList(editor: LexicalEditor): () => void {
  return mergeRegister(
    // Ctrl+U and friends do nothing; alignment has no button and is not stored.
    editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => format !== "bold" && format !== "italic", COMMAND_PRIORITY_HIGH),
    editor.registerCommand(FORMAT_ELEMENT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
    editor.registerNodeTransform(TextNode, (node) => {
      const format = node.getFormat();
      if (format & ~ALLOWED_TEXT_FORMAT) node.setFormat(format & ALLOWED_TEXT_FORMAT);
      if (node.getStyle() !== "") node.setStyle("");
    }),
    editor.registerNodeTransform(TabNode, (node) => {
      node.replace($createTextNode(" ").setFormat(node.getFormat() & ALLOWED_TEXT_FORMAT));
    }),
    editor.registerNodeTransform(ParagraphNode, (node) => {
      if (node.getTextStyle() !== "") node.setTextStyle("");
      if (node.getTextFormat() & ~ALLOWED_TEXT_FORMAT) node.setTextFormat(node.getTextFormat() & ALLOWED_TEXT_FORMAT);
    }),
    editor.registerNodeTransform(HeadingNode, (node) => {
      const tag = node.getTag();
      if (tag === "h1") node.setTag("h2");
      else if (tag !== "h2" && tag !== "h3") node.setTag("h3");
    }),
    editor.registerNodeTransform(ListNode, (node) => {
      if (node.getListType() === "check") node.setListType("bullet");
    }),
    editor.registerNodeTransform(ListItemNode, (node) => {
      if (node.getChecked() !== undefined) node.setChecked(undefined);
    }),
    // A pasted relative or javascript: link keeps its words and loses the link.
    editor.registerNodeTransform(LinkNode, (node) => {
      if (safeLinkHref(node.getURL()) === null) $unwrap(node);
    }),
  );
}

type BlockType = "paragraph" | "h2" | "h3" | "bullet" | "number" | "quote";
type Formatting = { block: BlockType | null; bold: boolean; italic: boolean; link: string | null };

function $readFormatting(): Formatting {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { block: null, bold: false, italic: false, link: null };
  const anchor = selection.anchor.getNode();
  const block =
    anchor.getKey() === "root"
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor);
  let type: BlockType = "paragraph";
  if ($isListNode(block)) type = $getNearestNodeOfType(anchor, ListNode)?.getListType() === "number" ? "number" : "bullet";
  else if ($isHeadingNode(block)) type = block.getTag() === "h3" ? "h3" : "h2";
  else if ($isQuoteNode(block)) type = "quote";
  const link = $findMatchingParent(anchor, $isLinkNode);
  return {
    block: type,
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    link: $isLinkNode(link) ? link.getURL() : null,
  };
}

/** The selection to act on: the current one, or the end of the text when the editor was never entered. */
function $selectionOrEnd(): BaseSelection | null {
  return $getSelection() ?? $getRoot().selectEnd();
}

function setBlock(editor: LexicalEditor, wanted: BlockType, current: BlockType | null) {
  if (wanted === "bullet" || wanted === "number") {
    if (current === wanted) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(wanted === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  const target = current === wanted ? "paragraph" : wanted;
  editor.update(() => {
    $setBlocksType($selectionOrEnd(), () =>
      target === "paragraph" ? $createParagraphNode() : target === "quote" ? $createQuoteNode() : $createHeadingNode(target),
    );
  });
}

/** Keeps mouse and touch focus in the text, so the keyboard stays open on a phone. */
function keepFocus(event: MouseEvent) {
  event.preventDefault();
}

function useRovingTabIndex(toolbar: RefObject<HTMLDivElement | null>) {
  const current = useRef(0);
  useEffect(() => {
    const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? []);
    if (current.current >= buttons.length) current.current = 0;
    buttons.forEach((button, index) => {
      button.tabIndex = index === current.current ? 0 : -1;
    });
  });
  return {
    onFocus(event: FocusEvent<HTMLDivElement>) {
      const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? []);
      const target: EventTarget = event.target;
      const index = buttons.findIndex((button) => button === target);
      if (index < 0) return;
      current.current = index;
      buttons.forEach((button, i) => {
        button.tabIndex = i === index ? 0 : -1;
      });
    },
    onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
      const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? []);
      const target: EventTarget = event.target;
      const index = buttons.findIndex((button) => button === target);
      if (index < 0 || buttons.length === 0) return;
      const next =
        event.key === "ArrowRight"
          ? (index + 1) % buttons.length
          : event.key === "ArrowLeft"
            ? (index - 1 + buttons.length) % buttons.length
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? buttons.length - 1
                : null;
      if (next === null) return;
      event.preventDefault();
      buttons[next].focus();
    },
  };
}

function ToolbarButton({
  label,
  icon,
  pressed,
  disabled,
  shortcut,
  onClick,
}: {
  /** The accessible name, and the tooltip: the button shows only its icon, so that the toolbar fits. */
  label: string;
  icon: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="rich-text-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={label}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
    >
      {icon}
    </button>
  );
}

function LinkPanel({
  t,
  initialUrl,
  onApply,
  onRemove,
  onClose,
}: {
  t: Translate;
  initialUrl: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState(initialUrl ?? "");
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const href = linkFromInput(value);
    if (href === null) setInvalid(true);
    else onApply(href);
  };
  // Not a <form>: the panel sits inside the page's form, and Enter must not send that one.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      apply();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div className="rich-text-link-panel" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-url`}>
        {t("richtext.linkUrl")}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t("richtext.linkHint")}
      </p>
      <input
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={onKeyDown}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={invalid || undefined}
        autoFocus
      />
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          {t("richtext.badLink")}
        </p>
      ) : null}
      <div className="rich-text-link-actions">
        <button type="button" className="button button-secondary" onClick={apply}>
          {t("richtext.linkApply")}
        </button>
        {initialUrl !== null ? (
          <button type="button" className="button button-danger" onClick={onRemove}>
            {t("richtext.linkRemove")}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onClose}>
          {t("richtext.linkCancel")}
        </button>
      </div>
    </div>
  );
}

function Toolbar({ t, editorId }: { t: Translate; editorId: string }) {
  const [editor] = useLexicalComposerContext();
  const canUndo = useExtensionSignalValue(HistoryExtension, "canUndo");
  const canRedo = useExtensionSignalValue(HistoryExtension, "canRedo");
  const [formatting, setFormatting] = useState<Formatting>(() => editor.read($readFormatting));
  const [linkOpen, setLinkOpen] = useState(false);
  const savedSelection = useRef<BaseSelection | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const roving = useRovingTabIndex(toolbar);

  useEffect(
    () => editor.registerUpdateListener(({ editorState }) => setFormatting(editorState.read($readFormatting))),
    [editor],
  );

  const openLink = () => {
    savedSelection.current = editor.read(() => $getSelection()?.clone() ?? null);
    setLinkOpen(true);
  };
  const closeLink = () => {
    setLinkOpen(false);
    editor.focus();
  };
  const withSavedSelection = (change: () => void) => {
    editor.update(() => {
      const saved = savedSelection.current;
      if (saved) $setSelection(saved.clone());
      change();
    });
    closeLink();
  };
  const applyLink = (href: string) =>
    withSavedSelection(() => {
      const selection = $selectionOrEnd();
      if (!$isRangeSelection(selection)) return;
      if (selection.isCollapsed() && formatting.link === null) {
        // Nothing selected: the address itself becomes the link text.
        const text = href.startsWith("mailto:") ? href.slice("mailto:".length) : href;
        selection.insertNodes([$createLinkNode(href).append($createTextNode(text))]);
      } else {
        $toggleLink(href);
      }
    });
  const removeLink = () =>
    withSavedSelection(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const links = new Set<LinkNode>();
      for (const node of [selection.anchor.getNode(), selection.focus.getNode(), ...selection.getNodes()]) {
        const link: LexicalNode | null = $findMatchingParent(node, $isLinkNode);
        if ($isLinkNode(link)) links.add(link);
      }
      links.forEach($unwrap);
    });

  const block = (type: BlockType, label: string, icon: ReactNode) => (
    <ToolbarButton label={label} icon={icon} pressed={formatting.block === type} onClick={() => setBlock(editor, type, formatting.block)} />
  );

  return (
    <>
      <div
        ref={toolbar}
        className="rich-text-toolbar"
        role="toolbar"
        aria-label={t("richtext.toolbar")}
        aria-controls={editorId}
        onFocus={roving.onFocus}
        onKeyDown={roving.onKeyDown}
      >
        <div className="rich-text-toolbar-group">
          {block("paragraph", t("richtext.paragraph"), <Icon icon={Pilcrow} size={20} />)}
          {block("h2", t("richtext.heading2"), <Icon icon={Heading2} size={20} />)}
          {block("h3", t("richtext.heading3"), <Icon icon={Heading3} size={20} />)}
        </div>
        <div className="rich-text-toolbar-group">
          <ToolbarButton
            label={t("richtext.bold")}
            icon={<Icon icon={Bold} size={20} />}
            pressed={formatting.bold}
            shortcut="Control+B Meta+B"
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold")}
          />
          <ToolbarButton
            label={t("richtext.italic")}
            icon={<Icon icon={Italic} size={20} />}
            pressed={formatting.italic}
            shortcut="Control+I Meta+I"
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic")}
          />
          <ToolbarButton label={t("richtext.link")} icon={<Icon icon={Link} size={20} />} pressed={formatting.link !== null} onClick={openLink} />
        </div>
        <div className="rich-text-toolbar-group">
          {block("bullet", t("richtext.bulletList"), <Icon icon={List} size={20} />)}
          {block("number", t("richtext.numberList"), <Icon icon={ListOrdered} size={20} />)}
          {block("quote", t("richtext.quote"), <Icon icon={TextQuote} size={20} />)}
        </div>
        <div className="rich-text-toolbar-group">
          <ToolbarButton
            label={t("richtext.undo")}
            icon={<Icon icon={Undo2} size={20} />}
            disabled={!canUndo}
            shortcut="Control+Z Meta+Z"
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          />
          <ToolbarButton
            label={t("richtext.redo")}
            icon={<Icon icon={Redo2} size={20} />}
            disabled={!canRedo}
            shortcut="Control+Shift+Z Meta+Shift+Z"
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          />
        </div>
      </div>
      {linkOpen ? (
        <LinkPanel t={t} initialUrl={formatting.link} onApply={applyLink} onRemove={removeLink} onClose={closeLink} />
      ) : null}
    </>
  );
}

/**
 * Writes every change into the hidden form field, marks the page as holding unsaved text while it differs
 * from what was loaded, and, when there is a draft key, keeps it as the local draft.
 */
function SaveChanges({ id, input, draftKey }: { id: string; input: RefObject<HTMLInputElement | null>; draftKey?: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const start = JSON.stringify(editor.getEditorState().toJSON());
    if (input.current) input.current.value = start;
    const stop = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // only the selection moved
      const state = editorState.toJSON();
      const json = JSON.stringify(state);
      if (input.current) input.current.value = json;
      markUnsaved(id, json !== start);
      if (!draftKey) return;
      if (json === start) clearDraft(draftKey);
      else saveDraft(draftKey, state);
    });
    return () => {
      stop();
      markUnsaved(id, false);
    };
  }, [editor, id, input, draftKey]);
  return null;
}

function DraftNotice({ draftKey, t, locale }: { draftKey: string; t: Translate; locale: Locale }) {
  const [editor] = useLexicalComposerContext();
  // Read before this editor writes its own first draft.
  const [draft, setDraft] = useState<Draft | null>(() => readDraft(draftKey));
  const [restored, setRestored] = useState(false);

  // Only on arrival: a draft equal to the text as loaded was saved after all. Later edits leave the question.
  useEffect(() => {
    if (draft && JSON.stringify(draft.state) === JSON.stringify(editor.getEditorState().toJSON())) {
      clearDraft(draftKey);
      setDraft(null);
    }
  }, []);

  const restore = () => {
    if (!draft) return;
    try {
      const state = editor.parseEditorState(draft.state as SerializedEditorState);
      if (state.isEmpty()) throw new Error("empty draft");
      editor.setEditorState(state);
      setRestored(true);
      editor.focus();
    } catch {
      clearDraft(draftKey); // a draft this editor cannot read helps nobody
    }
    setDraft(null);
  };
  const discard = () => {
    clearDraft(draftKey);
    setDraft(null);
    editor.focus();
  };

  // The status region is always there, so that screen readers announce what appears in it.
  return (
    <div role="status" className={draft || restored ? "rich-text-draft" : undefined}>
      {draft ? (
        <>
          <p>{t("richtext.draftFound", { time: formatDateTime(draft.savedAt, locale) })}</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={restore}>
              {t("richtext.draftRestore")}
            </button>
            <button type="button" className="button button-secondary" onClick={discard}>
              {t("richtext.draftDiscard")}
            </button>
          </div>
        </>
      ) : restored ? (
        <p>{t("richtext.draftRestored")}</p>
      ) : null}
    </div>
  );
}

function AutoFocus() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.focus(undefined, { defaultSelection: "rootEnd" }), [editor]);
  return null;
}

export function RichTextEditor({
  name,
  id,
  labelId,
  describedBy,
  invalid,
  initialJson,
  draftKey,
  autoFocus,
  t,
  locale,
  mentions,
}: RichTextEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  // Built once: a new extension would mean a new editor and the text typed so far would be gone.
  const extension = useMemo(
    () =>
      defineExtension({
        name: "@leernetwerk/rich-text",
        namespace: "leernetwerk",
        theme: THEME,
        nodes: [MentionNode],
        $initialEditorState: initialJson ?? undefined,
        onError(error) {
          console.error(error);
        },
        dependencies: [
          RichTextExtension,
          configExtension(HeadingAnnounceExtension, {
            created: t("richtext.headingAnnounced"),
            destroyed: t("richtext.headingRemovedAnnounced"),
          }),
          ListExtension,
          configExtension(LinkExtension, { validateUrl: (url: string) => safeLinkHref(url) !== null }),
          HistoryExtension,
        ],
        register: (editor) =>
          mergeRegister(
            registerAllowList(editor),
            registerMarkdownShortcuts(editor, MARKDOWN_SHORTCUTS),
            // A mention pasted into a field that takes none keeps its words and loses the person.
            mentions ? () => {} : editor.registerNodeTransform(MentionNode, (node) => void node.replace($createTextNode(node.getTextContent()))),
          ),
      }),
    [],
  );

  return (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <div className="rich-text-editor" ref={setFrame}>
        {draftKey ? <DraftNotice draftKey={draftKey} t={t} locale={locale} /> : null}
        <Toolbar t={t} editorId={id} />
        <ContentEditable
          id={id}
          className="rich-text rich-text-input"
          role="textbox"
          aria-multiline={true}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-autocomplete={mentions ? "list" : undefined}
        />
        {mentions && frame ? <MentionsPlugin source={mentions} t={t} parent={frame} /> : null}
        {/* No value or defaultValue here: React writes defaultValue back into a hidden input whenever the
            page re-renders (after any other form on it is sent), which would empty this field. SaveChanges
            alone fills it. */}
        <input type="hidden" name={name} ref={input} />
        <SaveChanges id={id} input={input} draftKey={draftKey} />
        {autoFocus ? <AutoFocus /> : null}
      </div>
    </LexicalExtensionComposer>
  );
}
