// The audit log of security and privacy events (/admin/audit, and a person's own in /settings).
export const audit = {
  "audit.title": "Auditlog",
};
