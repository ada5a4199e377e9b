import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { MenuOption } from "@lexical/react/LexicalMenuOption";
import { LexicalTypeaheadMenuPlugin, type MenuRenderFn, type TriggerFn } from "@lexical/react/LexicalTypeaheadMenuPlugin";
import { $createTextNode, $insertNodes, type TextNode } from "lexical";
import { useCallback, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import type { Translate } from "../i18n/i18n";
import { chosenVisibility, keepFocus, MentionStatus, useMentionSuggestions } from "../ui/mentions/MentionSuggestions";
import { $createMentionNode } from "./MentionNode";
import { mentionQueryBefore, type MentionedPerson, type MentionSource } from "./mentions";

// "@" in the editor: Lexical's typeahead menu, filled by the server with the people who can read the item
// (with the visibility chosen on the form). Arrow keys move, Enter or Tab picks, Escape closes; the editable
// area keeps the focus and points at the active option (aria-activedescendant), so a phone keeps its keyboard.

class PersonOption extends MenuOption {
  person: MentionedPerson;
  constructor(person: MentionedPerson) {
    super(person.id);
    this.person = person;
  }
}

const trigger: TriggerFn = (text) => {
  const typed = mentionQueryBefore(text);
  return typed ? { leadOffset: typed.start, matchingString: typed.query, replaceableString: `@${typed.query}` } : null;
};

/** `parent`: where the menu goes in the page, inside the form's landmark rather than at the end of the body. */
export function MentionsPlugin({ source, t, parent }: { source: MentionSource; t: Translate; parent: HTMLElement }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const people = useMentionSuggestions(source, query, () => chosenVisibility(editor.getRootElement()));
  const options = useMemo(() => (people ?? []).map((person) => new PersonOption(person)), [people]);

  // Called inside the editor's update, with the "@name" typed split off as its own text node.
  const onSelectOption = useCallback((option: PersonOption, typed: TextNode | null, closeMenu: () => void) => {
    const mention = $createMentionNode(option.person.id, `@${option.person.name}`);
    if (typed) typed.replace(mention);
    else $insertNodes([mention]);
    const space = $createTextNode(" ");
    mention.insertAfter(space);
    space.select(1, 1);
    closeMenu();
  }, []);

  const renderMenu: MenuRenderFn<PersonOption> = (anchor, { options: shown, selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) => {
    if (!anchor.current || shown.length === 0) return null;
    // Lexical makes the anchor the listbox; it gets a name in the reader's language.
    anchor.current.setAttribute("aria-label", t("richtext.mention.list"));
    return createPortal(
      <div className="rich-text-mention-menu">
        {shown.map((option, index) => (
          <div
            key={option.key}
            id={`typeahead-item-${index}`}
            ref={option.setRefElement}
            role="option"
            aria-selected={selectedIndex === index}
            tabIndex={-1}
            onMouseDown={keepFocus}
            onMouseEnter={() => setHighlightedIndex(index)}
            onClick={() => {
              setHighlightedIndex(index);
              selectOptionAndCleanUp(option);
            }}
          >
            {option.person.name}
          </div>
        ))}
      </div>,
      anchor.current,
    );
  };

  return (
    <>
      <LexicalTypeaheadMenuPlugin<PersonOption>
        onQueryChange={setQuery}
        onSelectOption={onSelectOption}
        triggerFn={trigger}
        options={options}
        menuRenderFn={renderMenu}
        anchorClassName="rich-text-mention-anchor"
        parent={parent}
      />
      <MentionStatus people={query === null ? null : people} />
    </>
  );
}
