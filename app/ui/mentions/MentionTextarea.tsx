import { useId, useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import { mentionQueryBefore, type MentionedPerson, type MentionSource } from "../../richtext/mentions";
import { useT } from "../i18n";
import { chosenVisibility, keepFocus, MentionStatus, useMentionSuggestions } from "./MentionSuggestions";

// A plain textarea in which "@" suggests people who can read the item (the ARIA combobox pattern on a text
// field: the list is a listbox, the active option its aria-activedescendant). A picked person shows as
// "@Name" in the text and goes along as a hidden `mention` field; the server turns each into a mention.

type Props = Omit<ComponentProps<"textarea">, "onChange" | "onKeyDown"> & { source: MentionSource };

export function MentionTextarea({ source, ...props }: Props) {
  const t = useT();
  const listId = `${useId()}-mentions`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<MentionedPerson[]>([]);
  // The status region is there while the field is being typed in (and only then: the page's own message stays the one status).
  const [focused, setFocused] = useState(false);
  const people = useMentionSuggestions(source, typed?.query ?? null, () => chosenVisibility(textarea.current));
  const open = typed !== null && people !== null && people.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  const follow = () => {
    const element = textarea.current;
    if (!element) return;
    const next = mentionQueryBefore(element.value.slice(0, element.selectionStart ?? 0));
    if (next?.query !== typed?.query || next?.start !== typed?.start) {
      setTyped(next);
      setActive(0);
    }
  };

  const pick = (person: MentionedPerson) => {
    const element = textarea.current;
    if (!element || !typed) return;
    const caret = element.selectionStart ?? element.value.length;
    const inserted = `@${person.name} `;
    element.value = element.value.slice(0, typed.start) + inserted + element.value.slice(caret);
    const after = typed.start + inserted.length;
    element.setSelectionRange(after, after);
    element.focus();
    setPicked((list) => [...list.filter((p) => p.id !== person.id), person]);
    setTyped(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + people.length) % people.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(people[Math.min(active, people.length - 1)]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setTyped(null);
    }
  };

  return (
    <div className="mention-field">
      <textarea
        {...props}
        ref={textarea}
        onChange={follow}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key === "ArrowLeft" || event.key === "ArrowRight" || event.key === "Home" || event.key === "End") follow();
        }}
        onClick={follow}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setTyped(null);
        }}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(Math.min(active, people.length - 1)) : undefined}
      />
      {open ? (
        <ul role="listbox" id={listId} aria-label={t("richtext.mention.list")} className="mention-list">
          {people.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              onMouseDown={keepFocus}
              onClick={() => pick(person)}
            >
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
      {focused ? <MentionStatus people={typed === null ? null : people} /> : null}
      {picked.map((person) => (
        <input key={person.id} type="hidden" name="mention" value={`${person.id} ${person.name}`} />
      ))}
    </div>
  );
}
