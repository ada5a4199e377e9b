// A stand-in until the notifications land: the same signature, records nothing.
export type NotificationKind = "reply" | "mention" | "poll" | "session" | "action" | "shared" | "registration";
export type NotifiedItem = { type: "reflection" | "lesson" | "milestone" | "session" | "event"; id: string };
export async function notify(input: { kind: NotificationKind; recipientIds: string[]; actorId: string | null; item: NotifiedItem }): Promise<void> {}
