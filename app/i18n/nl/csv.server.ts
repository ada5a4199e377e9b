// Spreadsheet (CSV) column headers and file names: written on the server only.
// Kept out of the browser dictionary (nl/index.ts); the server registers it (dictionaries.server.ts).
export const csv = {
  "eventRegistrations.csv.name": "aanmeldingen",

  "programme.export.col.coalition": "Coalitie",
  "programme.export.col.statement": "Les",
  "programme.export.col.explanation": "Toelichting",
  "programme.export.col.themes": "Thema's",
  "programme.export.col.perspective": "Perspectief van de auteur",
  "programme.export.col.created": "Aangemaakt op",
  "programme.export.col.title": "Mijlpaal",
  "programme.export.col.status": "Status",
  "programme.export.col.planned": "Oorspronkelijk gepland",
  "programme.export.col.target": "Streefdatum",
  "programme.export.col.adjustments": "Aantal bijstellingen",
  "programme.export.col.month": "Maand",
  "programme.export.col.reflections": "Reflecties",
  "programme.export.col.sessions": "Gehouden intervisies",
  "programme.export.col.lessons": "Lessen",
} as const;
