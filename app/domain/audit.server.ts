import { db } from "../../db/db.server";

export type AuditKind =
  | "login"
  | "login_failed"
  | "logout"
  | "logout_everywhere"
  | "password_changed"
  | "password_reset_requested"
  | "password_reset"
  | "invite"
  | "invitation_accepted"
  | "role_change"
  | "member_removed"
  | "deactivation"
  | "reactivation"
  | "export"
  | "left_coalition"
  | "account_deletion_requested"
  | "departure_restored"
  | "departure_finalised"
  | "account_anonymised";

export type AuditEvent = {
  kind: AuditKind;
  actorId?: string | null;
  subjectId?: string | null;
  coalitionId?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
};

/** Security events only: who did what to whom, never any written content. */
export async function recordAudit(event: AuditEvent): Promise<void> {
  await db()
    .insertInto("audit_event")
    .values({
      kind: event.kind,
      actor_id: event.actorId ?? null,
      subject_id: event.subjectId ?? null,
      coalition_id: event.coalitionId ?? null,
      address: event.address ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}
