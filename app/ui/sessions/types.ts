import type { SerializeFrom } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import type { SessionPageData } from "../../domain/sessions/sessions.server";
import type { SessionNotesData } from "../../domain/sessions/notes/session-notes.server";

// The session and notes pages as they reach the browser, for the components that show their parts.

export type InvitedPage = Extract<SerializeFrom<SessionPageData>, { view: "invited" }>;
export type NotesPage = SerializeFrom<SessionNotesData> & { me: string };
export type LastResult = SubmissionResult<string[]> | undefined;
