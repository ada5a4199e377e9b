import type { weeklyDigest as nl } from "../nl/weekly-digest.server";

export const weeklyDigest: Record<keyof typeof nl, string> = {
  "weeklyDigest.subject": "Your weekly Leernetwerk digest",
  "weeklyDigest.greeting": "Dear {name},",
  "weeklyDigest.intro": "This happened in Leernetwerk over the past week.",
  "weeklyDigest.programme": "The whole programme",
  "weeklyDigest.reflections": "New reflections",
  "weeklyDigest.lessons": "New lessons",
  "weeklyDigest.replies": "Replies for you",
  "weeklyDigest.sessions": "Coming intervision sessions",
  "weeklyDigest.events": "Coming events",
  "weeklyDigest.milestones": "Milestones",
  "weeklyDigest.notifications": "Notifications",
  "weeklyDigest.by": "by {author}",
  "weeklyDigest.replyBy": "{author} on ‘{title}’",
  "weeklyDigest.more": "and {count} more items",
  "weeklyDigest.more.one": "and {count} more item",
  "weeklyDigest.open": "Open",
  "weeklyDigest.footer": "You get this digest once a week, only when there is something new.",
  "weeklyDigest.unsubscribe": "No more weekly digest (one click, no need to sign in)",
  "weeklyDigest.settings": "All your notification settings",
};
