import type { csv as nl } from "../nl/csv.server";

export const csv: Record<keyof typeof nl, string> = {
  "eventRegistrations.csv.name": "registrations",

  "programme.export.col.coalition": "Coalition",
  "programme.export.col.statement": "Lesson",
  "programme.export.col.explanation": "Explanation",
  "programme.export.col.themes": "Themes",
  "programme.export.col.perspective": "Author's perspective",
  "programme.export.col.created": "Created on",
  "programme.export.col.title": "Milestone",
  "programme.export.col.status": "Status",
  "programme.export.col.planned": "Originally planned",
  "programme.export.col.target": "Target date",
  "programme.export.col.adjustments": "Number of adjustments",
  "programme.export.col.month": "Month",
  "programme.export.col.reflections": "Reflections",
  "programme.export.col.sessions": "Intervisions held",
  "programme.export.col.lessons": "Lessons",
};
