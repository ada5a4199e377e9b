import { joinRequestRows } from "../agreements/joining/personal-data.server";
import { accountRows } from "../accounts/personal-data.server";
import { agreementRows } from "../agreements/personal-data.server";
import { auditRows } from "../audit/personal-data.server";
import { eventRows } from "../events/personal-data.server";
import { lessonRows } from "../lessons/personal-data.server";
import { mailRows } from "../mail/personal-data.server";
import { milestoneRows } from "../milestones/personal-data.server";
import { notificationRows } from "../notifications/personal-data.server";
import { questionRows } from "../questions/personal-data.server";
import { publicationRows } from "../publications/personal-data.server";
import { reflectionRows } from "../reflections/personal-data.server";
import { roundRows } from "../rounds/personal-data.server";
import { sessionRows } from "../sessions/personal-data.server";
import { visitRequestRows } from "../visits/personal-data.server";
import type { PersonColumn, PersonalRows } from "./personal-rows.server";

// What the network holds about a person, module by module: each object module says which of its columns
// hold a person, what it hands over to the "former member" stand-in when they leave, and what it erases
// when the account goes for good. Departures (and so the retention anonymiser) walk this list; the data
// export reads the same modules' pages. A test fails when a column that holds a person is in none of them.
//
// What is theirs: what they wrote or did (author, creator, actor) and what is about them (profile,
// memberships, invitations, their registrations, audit entries about them). Of what others wrote only the
// notes of intervision sessions in which they are still a participant (sessionRole, the rule, once): a comment
// or a status change names the item it belongs to by id, a milestone they own but did not write shows no text.
// Items moved to a "former member" stand-in carry the stand-in's id, so they are no longer found here.

/** In this order: the account row is emptied last, after every module has found the rows by its address. */
export const personalData: PersonalRows[] = [
  reflectionRows,
  lessonRows,
  milestoneRows,
  questionRows,
  roundRows,
  sessionRows,
  eventRows,
  joinRequestRows,
  visitRequestRows,
  agreementRows,
  publicationRows,
  notificationRows,
  mailRows,
  auditRows,
  accountRows,
];

/**
 * Columns departures.server.ts keeps itself, on purpose: the memberships it takes away (and gives back on a
 * restore), and its own bookkeeping of the departure, which points to the person row only after that row
 * has been emptied, and to the stand-in, which never had a name.
 */
export const keptByDepartures: PersonColumn[] = [
  { table: "membership", column: "person_id" },
  { table: "departure", column: "person_id" },
  { table: "departure", column: "former_id" },
  { table: "departure", column: "requested_by" },
];
