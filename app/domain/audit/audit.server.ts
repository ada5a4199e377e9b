import { db } from "../../../db/db.server";
import type { AuditKind, ExportName } from "./audit-kinds";

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

/**
 * Records that someone took data out of the network: what (a fixed name), and at most which event or which
 * period, so the log can say "lessons.csv" without holding anything the file held.
 */
export async function recordExport(input: {
  actorId: string;
  what: ExportName;
  address?: string | null;
  coalitionId?: string | null;
  eventId?: string;
  period?: { from: string; to: string };
}): Promise<void> {
  await recordAudit({
    kind: "export",
    actorId: input.actorId,
    coalitionId: input.coalitionId ?? null,
    address: input.address ?? null,
    detail: {
      what: input.what,
      ...(input.eventId ? { eventId: input.eventId } : {}),
      ...(input.period ? { from: input.period.from, to: input.period.to } : {}),
    },
  });
}

/** The client address Remix's load context carries (app/server/remix-handler.ts), for the log. */
export function clientAddressOf(context: unknown): string | null {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" ? address : null;
}
