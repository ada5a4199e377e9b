import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type AccountRole = "participant" | "funder" | "admin";
export type TeamRole = "member" | "facilitator";
export type Perspective = "resident" | "volunteer" | "professional" | "municipality" | "board";
export type AgreementStatus = "draft" | "proposed" | "signed";
export type JoinDecision = "accepted" | "declined";
export type OrganisationKind = "residents_initiative" | "welfare" | "municipality" | "other";
export type Language = "nl" | "en";

export interface PersonTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  account_role: ColumnType<AccountRole, AccountRole | undefined, AccountRole>;
  language: ColumnType<Language, Language | undefined, Language>;
  deactivated_at: Timestamp | null;
  created_at: CreatedAt;
  /** An erased account or a stand-in ("former member"): no name, no address, no password. */
  erased_at: Timestamp | null;
  last_login_at: Timestamp | null;
}

export interface AuthSessionTable {
  id_hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface CoalitionTable {
  id: Generated<string>;
  slug: string;
  name: string;
  place: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

export interface OrganisationTable {
  id: Generated<string>;
  coalition_id: string;
  name: string;
  kind: OrganisationKind;
  position: ColumnType<number, number | undefined, number>;
}

export interface MembershipTable {
  id: Generated<string>;
  coalition_id: string;
  person_id: string;
  role: TeamRole;
  perspective: Perspective;
  organisation_id: string | null;
  created_at: CreatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  account_role: ColumnType<"participant" | "funder", "participant" | "funder" | undefined, never>;
  coalition_id: string | null;
  role: TeamRole | null;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PasswordResetTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  email: string;
  address: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface ThemeTable {
  id: Generated<string>;
  slug: string;
  name_nl: string;
  name_en: string;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Timestamp | null;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  headers: ColumnType<Record<string, string>, string | undefined, never>;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  /** Set when the last try failed: the mail was not sent, last_error says why. */
  failed_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  attachments: ColumnType<EmailAttachment[], string | undefined, never>;
}

export type EmailAttachment = { filename: string; contentType: string; content: string };

export interface AuditEventTable {
  id: Generated<string>;
  at: CreatedAt;
  kind: string;
  actor_id: string | null;
  subject_id: string | null;
  coalition_id: string | null;
  address: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export type Visibility = "private" | "team" | "network";

export interface ReflectionTable {
  id: Generated<string>;
  coalition_id: string;
  author_id: string;
  title: string;
  body: ColumnType<unknown, string, string>;
  body_text: string;
  happened_on: ColumnType<string, string, string>;
  visibility: Visibility;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  search: ColumnType<string, never, never>;
  session_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReflectionThemeTable {
  reflection_id: string;
  theme_id: string;
}

export interface ReflectionCommentTable {
  id: Generated<string>;
  reflection_id: string;
  author_id: string;
  body: string;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export type MilestoneStatus = "planned" | "in_progress" | "achieved" | "adjusted" | "dropped";
export type SharedVisibility = "team" | "network";

export interface LessonTable {
  id: Generated<string>;
  coalition_id: string;
  author_id: string;
  statement: string;
  explanation: ColumnType<unknown, string, string>;
  explanation_text: string;
  visibility: SharedVisibility;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  search: ColumnType<string, never, never>;
}

export interface LessonThemeTable {
  lesson_id: string;
  theme_id: string;
}

export interface LessonReflectionTable {
  lesson_id: string;
  reflection_id: string;
}

export interface MilestoneTable {
  id: Generated<string>;
  coalition_id: string;
  created_by: string;
  owner_id: string | null;
  title: string;
  description: ColumnType<unknown, string, string>;
  description_text: string;
  /** The date in the original plan; never changes. */
  planned_date: ColumnType<string, string, never>;
  /** The current target; an adjustment moves it. */
  target_date: ColumnType<string, string, string>;
  status: ColumnType<MilestoneStatus, MilestoneStatus | undefined, MilestoneStatus>;
  visibility: ColumnType<SharedVisibility, SharedVisibility | undefined, SharedVisibility>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface MilestoneStatusChangeTable {
  id: Generated<string>;
  milestone_id: string;
  from_status: MilestoneStatus | null;
  to_status: MilestoneStatus;
  reason: string;
  previous_target_date: ColumnType<string | null, string | null | undefined, never>;
  new_target_date: ColumnType<string | null, string | null | undefined, never>;
  changed_by: string;
  changed_at: CreatedAt;
}

export type SessionStatus = "polling" | "confirmed" | "cancelled";
export type Rsvp = "pending" | "yes" | "no";
export type SlotAnswer = "yes" | "maybe" | "no";

export interface IntervisionSessionTable {
  id: Generated<string>;
  coalition_id: string;
  title: string;
  /** A method slug from app/domain/sessions/intervision-methods.ts. */
  method: string;
  place: ColumnType<string, string | undefined, string>;
  video_url: string | null;
  /** The gespreksleider who leads the session. */
  facilitator_id: string;
  case_bringer_id: string | null;
  /** The participant who keeps time (tijdbewaker), assigned by the facilitator. */
  timekeeper_id: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<SessionStatus, SessionStatus | undefined, SessionStatus>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  ical_uid: string;
  ical_sequence: ColumnType<number, number | undefined, number>;
  takeaway: ColumnType<unknown, string | null | undefined, string | null>;
  takeaway_text: ColumnType<string, string | undefined, string>;
  takeaway_version: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** When those coming are reminded: the day before (default), two hours before, or not. */
  reminder: ColumnType<SessionReminder, SessionReminder | undefined, SessionReminder>;
  /** The start time a reminder was sent for (a moved session is reminded again). */
  reminded_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The case bringer's question to prepare, if any (goes into the reminder). */
  preparation_question: ColumnType<string | null, string | null | undefined, string | null>;
  poll_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  takeaway_prompted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type SessionReminder = "off" | "day_before" | "two_hours";

export interface AnswerTokenTable {
  id_hash: string;
  person_id: string;
  session_id: string;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface SessionSlotTable {
  id: Generated<string>;
  session_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface SessionInviteeTable {
  session_id: string;
  person_id: string;
  rsvp: ColumnType<Rsvp, Rsvp | undefined, Rsvp>;
  volunteers_case: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SlotVoteTable {
  slot_id: string;
  person_id: string;
  answer: SlotAnswer;
  updated_at: Timestamp;
}

export interface SessionNoteTable {
  session_id: string;
  /** Index of the phase in the session's method. */
  phase: number;
  body: ColumnType<unknown, string, string>;
  body_text: string;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface SessionActionTable {
  id: Generated<string>;
  session_id: string;
  owner_id: string;
  what: string;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: Timestamp | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface SessionEvaluationTable {
  session_id: string;
  person_id: string;
  score: number;
  comment: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

export interface CalendarFeedTable {
  person_id: string;
  token: string;
  created_at: CreatedAt;
}

export interface LessonSessionTable {
  lesson_id: string;
  session_id: string;
}

export type EventAudience = "public" | "network";
export type RegistrationStatus = "registered" | "waiting" | "cancelled";

export interface EventTable {
  id: Generated<string>;
  /** Null for a programme-wide meeting organised by the funder. */
  coalition_id: string | null;
  slug: string;
  title: string;
  description: ColumnType<unknown, string, string>;
  description_text: string;
  place: string;
  address: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  registration_deadline: Timestamp;
  audience: EventAudience;
  asks_dietary: ColumnType<boolean, boolean | undefined, boolean>;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  report_text: ColumnType<string, string | undefined, string>;
  ical_uid: string;
  ical_sequence: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  personal_data_deleted_at: Timestamp | null;
}

export interface EventProgrammeItemTable {
  id: Generated<string>;
  event_id: string;
  position: number;
  starts_at: Timestamp;
  title: string;
}

export interface EventQuestionTable {
  id: Generated<string>;
  event_id: string;
  position: number;
  label: string;
}

export interface EventRegistrationTable {
  id: Generated<string>;
  event_id: string;
  status: RegistrationStatus;
  name: string | null;
  email: string | null;
  organisation: string | null;
  dietary: string | null;
  person_id: string | null;
  token_hash: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  moved_up_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface EventAnswerTable {
  registration_id: string;
  question_id: string;
  answer: boolean;
}

export interface EventPresentedTable {
  event_id: string;
  lesson_id: string | null;
  reflection_id: string | null;
  position: number;
}

export interface EventRegistrationAttemptTable {
  id: Generated<string>;
  event_id: string;
  address: string;
  attempted_at: CreatedAt;
}

export type DepartedMembership = {
  coalitionId: string;
  role: TeamRole;
  perspective: Perspective;
  organisationId: string | null;
};

export interface DepartureTable {
  id: Generated<string>;
  person_id: string;
  /** Null when the whole account goes. */
  coalition_id: string | null;
  /** The stand-in that holds what the person kept for the team(s). */
  former_id: string;
  memberships: ColumnType<DepartedMembership[], string | undefined, never>;
  requested_by: string | null;
  requested_at: CreatedAt;
  final_at: Timestamp;
  restore_token_hash: string | null;
  restored_at: Timestamp | null;
  finalised_at: Timestamp | null;
}

export type DepartureItemKind = "reflection" | "lesson" | "milestone" | "comment";

export interface DepartureItemTable {
  departure_id: string;
  kind: DepartureItemKind;
  item_id: string;
}

export interface InstallationSettingTable {
  name: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export type NotificationKindColumn = "reply" | "mention" | "poll" | "session" | "action" | "shared" | "registration" | "join_request" | "signature" | "visit_request" | "harvest" | "quote";
export type NotifiedItemType = "reflection" | "lesson" | "milestone" | "session" | "event" | "agreement" | "visit_request" | "question" | "publication";
export type NotificationDelivery = "app" | "email" | "digest";

export interface NotificationTable {
  id: Generated<string>;
  recipient_id: string;
  kind: NotificationKindColumn;
  item_type: NotifiedItemType;
  item_id: string;
  detail: string | null;
  actor_id: string | null;
  delivery: NotificationDelivery;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  mailed_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
  person_id: string;
  kind: NotificationKindColumn;
  delivery: NotificationDelivery | "off";
}

export interface DigestDayTable {
  person_id: string;
  weekday: number;
}

export interface UnsubscribeTokenTable {
  id_hash: string;
  person_id: string;
  /** "digest": the weekly digest's link, which switches off every kind that was in it. */
  kind: NotificationKindColumn | "digest";
  created_at: CreatedAt;
}

export interface DigestSentTable {
  person_id: string;
  week: string;
  sent_at: CreatedAt;
}

export interface InputRoundTable {
  id: Generated<string>;
  coalition_id: string;
  question: string;
  perspectives: Perspective[];
  opens_on: ColumnType<string, string, string>;
  closes_on: ColumnType<string, string, string>;
  open_to_outsiders: ColumnType<boolean, boolean | undefined, boolean>;
  public_token: string;
  outcome_shared_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RoundEditorTable {
  round_id: string;
  person_id: string;
}

export interface RoundThemeTable {
  id: Generated<string>;
  round_id: string;
  theme_id: string | null;
  label: string | null;
}

export interface RoundContributionTable {
  id: Generated<string>;
  round_id: string;
  body: string;
  perspective: Perspective;
  person_id: string | null;
  author_name: string | null;
  round_theme_id: string | null;
  shapes_article: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface RoundContributionAttemptTable {
  id: Generated<string>;
  round_id: string;
  address: string;
  attempted_at: CreatedAt;
}

export interface AgreementTable {
  coalition_id: string;
  published_at: Timestamp | null;
  review_on: ColumnType<string | null, string | null | undefined, string | null>;
  review_reminded_for: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface AgreementVersionTable {
  id: Generated<string>;
  coalition_id: string;
  number: number;
  status: ColumnType<AgreementStatus, AgreementStatus | undefined, AgreementStatus>;
  vision: ColumnType<unknown, string, string>;
  vision_text: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  proposed_at: Timestamp | null;
  signed_at: Timestamp | null;
}

export interface AgreementArticleTable {
  id: Generated<string>;
  version_id: string;
  article_key: Generated<string>;
  number: number;
  title: string;
  body: ColumnType<unknown, string, string>;
  body_text: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface AgreementArticleSourceTable {
  article_id: string;
  round_theme_id: string;
}

export interface AgreementSignatoryTable {
  id: Generated<string>;
  version_id: string;
  organisation_id: string;
  person_id: string | null;
  name: string | null;
  email: string | null;
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AgreementSignatureTable {
  id: Generated<string>;
  signatory_id: string;
  version_id: string;
  organisation_id: string;
  person_id: string | null;
  name: string;
  function: string;
  signed_on: ColumnType<string, string, string>;
  signed_at: CreatedAt;
}

export interface AgreementJoinRequestTable {
  id: Generated<string>;
  coalition_id: string;
  kind: "organisation" | "individual";
  organisation_name: string | null;
  /** Contact details: null once deleted, 90 days after the decision (contact_deleted_at). */
  contact_name: string | null;
  email: string | null;
  motivation: string | null;
  contact_deleted_at: Timestamp | null;
  created_at: CreatedAt;
  decision: JoinDecision | null;
  decision_message: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  organisation_id: string | null;
}

export interface AgreementJoinAttemptTable {
  id: Generated<string>;
  coalition_id: string;
  address: string;
  attempted_at: CreatedAt;
}

export type QuestionStatus = "proposed" | "active" | "archived";
export type QuoteStatus = "pending" | "approved" | "declined" | "withdrawn";

export interface LearningQuestionTable {
  id: Generated<string>;
  coalition_id: string;
  question: string;
  explanation: ColumnType<string, string | undefined, string>;
  status: ColumnType<QuestionStatus, QuestionStatus | undefined, QuestionStatus>;
  owner_id: string | null;
  proposed_by: string | null;
  position: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LearningQuestionThemeTable {
  question_id: string;
  theme_id: string;
}

export interface LearningQuestionHarvestDateTable {
  question_id: string;
  planned_on: ColumnType<string, string, string>;
  reminded_at: Timestamp | null;
}

export interface LearningQuestionLinkTable {
  question_id: string;
  item_type: "reflection" | "lesson" | "session" | "milestone";
  item_id: string;
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface PublicationTable {
  id: Generated<string>;
  slug: string;
  kind: "newsletter" | "article";
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  body: ColumnType<unknown, string, string>;
  body_text: ColumnType<string, string | undefined, string>;
  author_id: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface PublicationQuoteTable {
  id: Generated<string>;
  publication_id: string;
  source_type: "lesson";
  source_id: string;
  coalition_id: string;
  quoted_text: string;
  status: ColumnType<QuoteStatus, QuoteStatus | undefined, QuoteStatus>;
  attribution: "name" | "anonymous" | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface VisitRequestTable {
  id: Generated<string>;
  coalition_id: string;
  organisation: string;
  contact_name: string | null;
  email: string | null;
  wishes: string | null;
  created_at: CreatedAt;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  personal_data_deleted_at: Timestamp | null;
}

export interface VisitRequestAttemptTable {
  id: Generated<string>;
  coalition_id: string;
  address: string;
  attempted_at: CreatedAt;
}

export interface Database {
  person: PersonTable;
  auth_session: AuthSessionTable;
  coalition: CoalitionTable;
  organisation: OrganisationTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  login_attempt: LoginAttemptTable;
  theme: ThemeTable;
  email_outbox: EmailOutboxTable;
  audit_event: AuditEventTable;
  reflection: ReflectionTable;
  reflection_theme: ReflectionThemeTable;
  reflection_comment: ReflectionCommentTable;
  lesson: LessonTable;
  lesson_theme: LessonThemeTable;
  lesson_reflection: LessonReflectionTable;
  milestone: MilestoneTable;
  milestone_status_change: MilestoneStatusChangeTable;
  intervision_session: IntervisionSessionTable;
  session_slot: SessionSlotTable;
  session_invitee: SessionInviteeTable;
  answer_token: AnswerTokenTable;
  slot_vote: SlotVoteTable;
  session_note: SessionNoteTable;
  session_action: SessionActionTable;
  session_evaluation: SessionEvaluationTable;
  calendar_feed: CalendarFeedTable;
  lesson_session: LessonSessionTable;
  event: EventTable;
  event_programme_item: EventProgrammeItemTable;
  event_question: EventQuestionTable;
  event_registration: EventRegistrationTable;
  event_answer: EventAnswerTable;
  event_presented: EventPresentedTable;
  event_registration_attempt: EventRegistrationAttemptTable;
  departure: DepartureTable;
  departure_item: DepartureItemTable;
  installation_setting: InstallationSettingTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
  digest_day: DigestDayTable;
  unsubscribe_token: UnsubscribeTokenTable;
  digest_sent: DigestSentTable;
  input_round: InputRoundTable;
  round_editor: RoundEditorTable;
  round_theme: RoundThemeTable;
  round_contribution: RoundContributionTable;
  round_contribution_attempt: RoundContributionAttemptTable;
  agreement: AgreementTable;
  agreement_version: AgreementVersionTable;
  agreement_article: AgreementArticleTable;
  agreement_article_source: AgreementArticleSourceTable;
  agreement_signatory: AgreementSignatoryTable;
  agreement_signature: AgreementSignatureTable;
  agreement_join_request: AgreementJoinRequestTable;
  agreement_join_attempt: AgreementJoinAttemptTable;
  learning_question: LearningQuestionTable;
  learning_question_theme: LearningQuestionThemeTable;
  learning_question_harvest_date: LearningQuestionHarvestDateTable;
  learning_question_link: LearningQuestionLinkTable;
  publication: PublicationTable;
  publication_quote: PublicationQuoteTable;
  visit_request: VisitRequestTable;
  visit_request_attempt: VisitRequestAttemptTable;
}
