import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_reflections";
import * as m0003 from "./0003_lessons_milestones";
import * as m0004 from "./0004_intervision";
import * as m0005 from "./0005_takeaway_version";
import * as m0006 from "./0006_reflection_indexes";
import * as m0007 from "./0007_network_indexes";
import * as m0008 from "./0008_activity_indexes";
import * as m0009 from "./0009_events";
import * as m0010 from "./0010_privacy";
import * as m0011 from "./0011_search";
import * as m0012 from "./0012_session_timekeeper";
import * as m0013 from "./0013_comment_deleted_at";
import * as m0014 from "./0014_job_runs";
import * as m0015 from "./0015_programme_changes";
import * as m0016 from "./0016_email_parts";
import * as m0017 from "./0017_outbox_failed";
import * as m0018 from "./0018_notifications";
import * as m0019 from "./0019_reminders";
import * as m0020 from "./0020_digest_sent";
import * as m0021 from "./0021_agreements_rounds";
import * as m0023 from "./0023_agreement_signatures";
import * as m0024 from "./0024_join_request_contact_deleted";
import * as m0025 from "./0025_learning_agenda";
import * as m0028 from "./0028_visit_request_notifications";

// Listed by hand so that migrations bundle with the server build and run under tsx and vitest alike.
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_reflections": m0002,
  "0003_lessons_milestones": m0003,
  "0004_intervision": m0004,
  "0005_takeaway_version": m0005,
  "0006_reflection_indexes": m0006,
  "0007_network_indexes": m0007,
  "0008_activity_indexes": m0008,
  "0009_events": m0009,
  "0010_privacy": m0010,
  "0011_search": m0011,
  "0012_session_timekeeper": m0012,
  "0013_comment_deleted_at": m0013,
  "0014_job_runs": m0014,
  "0015_programme_changes": m0015,
  "0016_email_parts": m0016,
  "0017_outbox_failed": m0017,
  "0018_notifications": m0018,
  "0019_reminders": m0019,
  "0020_digest_sent": m0020,
  "0021_agreements_rounds": m0021,
  "0023_agreement_signatures": m0023,
  "0024_join_request_contact_deleted": m0024,
  "0025_learning_agenda": m0025,
  "0028_visit_request_notifications": m0028,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
