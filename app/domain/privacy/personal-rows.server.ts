import { sql, type SqlBool, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";

// The shape every object module gives its personal data (its own personal-data.server.ts), and the paging the
// exports share. privacy/personal-data.server.ts lists the modules; the departures, the retention anonymiser,
// the data export and a test (that every column holding a person is covered) walk that list.

export type Trx = Transaction<Database>;

/** A column that holds a person's id or e-mail address. */
export type PersonColumn = { table: keyof Database & string; column: string };

/**
 * Handing over what a person wrote in one coalition (or, coalitionId null, everywhere) to another person row:
 * to the anonymous stand-in when they leave, back from it when they return.
 */
export type HandOver = { from: string; to: string; coalitionId: string | null; keepPrivate: boolean };

export type PersonalRows = {
  /** Who answers for these rows, for the test's message. */
  module: string;
  /** Every column of this module that holds a person's id or address. */
  covers: PersonColumn[];
  /** What the person wrote that the team keeps: handed over to the stand-in (and back on a restore). */
  handOver?: (trx: Trx, move: HandOver) => Promise<void>;
  /** What is about the person and goes when the account is deleted for good. */
  erase?: (trx: Trx, person: { id: string; email: string }) => Promise<void>;
};

/** A condition that holds for rows of the coalition being left, or for every row when the whole account goes. */
export function inCoalition(column: string, coalitionId: string | null) {
  return coalitionId ? sql<SqlBool>`${sql.ref(column)} = ${coalitionId}` : sql<SqlBool>`true`;
}

export const PAGE_SIZE = 200;

export type Page<Row> = AsyncGenerator<Row[], void, undefined>;

/** Rows after the given id, in id order: the next page of a keyset pagination (no offset to count past). */
export function afterId(column: string, after: string | null) {
  return after === null ? sql<SqlBool>`true` : sql<SqlBool>`${sql.ref(column)} > ${after}`;
}

export async function* keyset<Row extends { id: string }>(query: (after: string | null) => Promise<Row[]>): Page<Row> {
  let after: string | null = null;
  for (;;) {
    const rows = await query(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_SIZE) return;
    after = rows[rows.length - 1].id;
  }
}

/** For the kinds a person has only a handful of (memberships, a feed): one query is one page. */
export async function* onePage<Row>(rows: Promise<Row[]>): Page<Row> {
  yield await rows;
}

/** A date column as 'YYYY-MM-DD' (the drivers would make it a Date at midnight in some time zone). */
export const isoDay = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
export const isoDayOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export const themeSlugs = (themes: { slug: string }[]) => themes.map((theme) => theme.slug);
export const textPath = (kind: string, id: string) => `texts/${kind}/${id}.html`;
