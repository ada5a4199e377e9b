import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { formatDateTime } from "../../i18n/dates";
import { RichText } from "../../richtext/RichText";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { ConflictView } from "../ConflictView";
import { FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { usePersonName } from "../PersonName";
import { ConfidentialityAgreements } from "./Agreements";
import type { NotesPage } from "./types";

type Phase = NotesPage["phases"][number];
type PhaseNoteView = { body: RichTextState; version: number; updatedByName: string; updatedAt: string };
export type NoteReply = {
  phase: number;
  result: SubmissionResult<string[]>;
  body: RichTextState | null;
  conflict: { current: PhaseNoteView | null } | null;
};

const phaseOfHash = (hash: string) => {
  const match = /^#phase-(\d+)$/.exec(hash);
  return match ? Number(match[1]) - 1 : null;
};

/** Whether the page is as narrow as a phone, where the notes show one phase at a time (the CSS says when). */
function useNarrowScreen() {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 47.99rem)");
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}

/**
 * The notes per phase of the method. On a phone one phase shows at a time, with a list to jump between
 * them; on a laptop all show. Every phase stays mounted either way (hidden by CSS only), so what someone
 * typed in a phase they are not looking at is still there when they come back or save it.
 * Without JavaScript all phases show and the list jumps to them.
 */
export function Phases({ page, reply }: { page: NotesPage; reply?: NoteReply }) {
  const t = useT();
  const locale = useLocale();
  const { hash } = useLocation();
  const [current, setCurrent] = useState(0);
  const [oneAtATime, setOneAtATime] = useState(false);
  const narrow = useNarrowScreen();
  useEffect(() => setOneAtATime(true), []);
  useEffect(() => {
    const fromHash = phaseOfHash(hash);
    if (fromHash !== null && fromHash < page.phases.length) setCurrent(fromHash);
  }, [hash, page.phases.length]);
  // Shown before the browser follows the link, so it can scroll to the phase.
  const show = (index: number) => flushSync(() => setCurrent(index));
  return (
    <div className={oneAtATime ? "phases phases-one" : "phases"}>
      <nav aria-labelledby="phase-list-heading" className="phase-list">
        <h3 id="phase-list-heading">{t("notes.phaseList")}</h3>
        <ol>
          {page.phases.map((phase) => (
            <li key={phase.index}>
              <a
                href={`#phase-${phase.index + 1}`}
                aria-current={oneAtATime && narrow && phase.index === current ? "step" : undefined}
                onClick={() => show(phase.index)}
              >
                {phase.name[locale]}
                {phase.note ? <span className="phase-noted"> · {t("notes.phase.hasNotes")}</span> : null}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {page.phases.map((phase) => {
        const mine = reply?.phase === phase.index ? reply : undefined;
        const version = mine?.conflict ? (mine.conflict.current?.version ?? 0) : (phase.note?.version ?? 0);
        const next = page.phases[phase.index + 1];
        return (
          <section
            key={phase.index}
            id={`phase-${phase.index + 1}`}
            aria-labelledby={`phase-${phase.index + 1}-heading`}
            className={phase.index === current ? "phase phase-current" : "phase"}
          >
            <PhaseNotes key={`${phase.index}-${version}`} phase={phase} version={version} reply={mine} sessionId={page.session.id} />
            {next ? (
              <p className="phase-next">
                <a href={`#phase-${next.index + 1}`} onClick={() => show(next.index)}>
                  {t("notes.phase.next", { phase: next.name[locale] })}
                </a>
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/** One phase: what happens in it, and its notes, saved on their own (with both versions shown on a conflict). */
function PhaseNotes({ phase, version, reply, sessionId }: { phase: Phase; version: number; reply?: NoteReply; sessionId: string }) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const [form, fields] = useForm({ id: `note-${phase.index}-${version}`, lastResult: reply?.result });
  const number = phase.index + 1;
  const name = phase.name[locale];
  const noteForm = (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="note" />
      <input type="hidden" name="phase" value={phase.index} />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      <RichTextField
        name="body"
        id={fields.body.id}
        label={t("notes.phase.field", { phase: name })}
        initialState={reply ? reply.body : (phase.note?.body ?? null)}
        draftKey={`session:${sessionId}:phase:${phase.index}`}
        errors={fields.body.errors}
      />
      <div className="actions">
        <SubmitButton variant="secondary">
          {t("notes.phase.save")}
          <span className="visually-hidden"> ({name})</span>
        </SubmitButton>
      </div>
    </Form>
  );
  const conflict = reply?.conflict;
  const updated = (note: { updatedByName: string; updatedAt: string }) => (
    <p className="meta">{t("notes.phase.updated", { name: personName(note.updatedByName, "participant"), time: formatDateTime(note.updatedAt, locale) })}</p>
  );
  return (
    <>
      <h3 id={`phase-${number}-heading`}>{t("method.phaseHeading", { number, name })}</h3>
      {phase.minutes ? <p className="meta">{t("notes.phase.minutes", { minutes: phase.minutes })}</p> : null}
      {phase.what[locale] ? <p>{phase.what[locale]}</p> : null}
      {phase.index === 0 ? <ConfidentialityAgreements level="h4" /> : null}
      {phase.note && !conflict ? updated(phase.note) : null}
      {conflict ? (
        <ConflictView
          title={t("notes.conflict.title")}
          body={t("notes.conflict.body")}
          mine={noteForm}
          theirs={
            conflict.current ? (
              <>
                {updated(conflict.current)}
                <RichText state={conflict.current.body} />
              </>
            ) : (
              <p className="muted">{t("notes.conflict.empty")}</p>
            )
          }
        />
      ) : (
        noteForm
      )}
    </>
  );
}
