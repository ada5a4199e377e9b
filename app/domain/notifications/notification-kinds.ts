// The vocabulary of notifications, apart from the server code so that pages can name kinds and choices.

export const notificationKinds = ["reply", "mention", "poll", "session", "action", "shared", "registration", "join_request", "signature", "visit_request", "harvest", "quote"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What an unsubscribe link switches off: the mails of one kind, or the weekly digest (every kind it holds). */
export type UnsubscribeKind = NotificationKind | "digest";

/** How a kind reaches a person: not at all, only in the app (the bell), at once by e-mail, or in the weekly digest. */
export const deliveryChoices = ["off", "app", "email", "digest"] as const;
export type DeliveryChoice = (typeof deliveryChoices)[number];

/**
 * Until the person chooses (DESIGN.md §10): what needs an answer or changes their diary comes at once — replies,
 * mentions, session changes, and a poll's invitation (it asks when they can come, before the session is fixed);
 * the rest waits for the weekly digest.
 */
export const defaultDelivery: Record<NotificationKind, DeliveryChoice> = {
  reply: "email",
  mention: "email",
  poll: "email",
  session: "email",
  action: "digest",
  shared: "digest",
  registration: "digest",
  join_request: "email",
  signature: "digest",
  visit_request: "email",
  harvest: "email",
  quote: "email",
};

/** An item shared with the team or the network is news, not a call to act: never a mail of its own. */
export function choicesFor(kind: NotificationKind): readonly DeliveryChoice[] {
  return kind === "shared" ? deliveryChoices.filter((choice) => choice !== "email") : deliveryChoices;
}

/** ISO weekdays, Monday first: the day of the weekly digest. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const DEFAULT_DIGEST_DAY = 1;
