// /settings/data: everything the network holds about a person, as one ZIP.
export const dataExport = {
  "dataExport.title": "Mijn gegevens",
};
