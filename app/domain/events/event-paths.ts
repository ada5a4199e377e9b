// Where an event's pages live, for loaders and components alike (no database here).

/** The organiser pages: under the coalition, or under /programme for a programme-wide event. */
export function organiserPath(event: { id: string; coalitionSlug: string | null }): string {
  return event.coalitionSlug ? `/teams/${event.coalitionSlug}/events/${event.id}` : `/programme/events/${event.id}`;
}

/** The list the event appears in for its organisers. */
export function eventListPath(event: { coalitionSlug: string | null }): string {
  return event.coalitionSlug ? `/teams/${event.coalitionSlug}/events` : "/programme/events";
}
