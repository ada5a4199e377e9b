// The audit log's vocabulary, apart from audit.server.ts so that pages can name kinds without the database.

/** Every kind, in the order the admin's filter offers them. */
export const auditKinds = [
  "login",
  "login_failed",
  "logout",
  "logout_everywhere",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "invite",
  "invitation_accepted",
  "role_change",
  "member_removed",
  "deactivation",
  "reactivation",
  "export",
  "left_coalition",
  "account_deletion_requested",
  "departure_restored",
  "departure_finalised",
  "account_anonymised",
  "retention_changed",
  "mail_resent",
  "notification_preferences_changed",
  "unsubscribed",
  "join_request_accepted",
  "join_request_declined",
] as const;

/** A kind of security event; the filter and the translations follow this one list. */
export type AuditKind = (typeof auditKinds)[number];

/** What an export took out: a name from this list, never a file name or a title (the log holds no content). */
export const exportNames = [
  "lessons.csv",
  "milestones.csv",
  "activity.csv",
  "questions.csv",
  "registrations.csv",
  "attendance",
  "digest",
  "personal-data",
] as const;
export type ExportName = (typeof exportNames)[number];
