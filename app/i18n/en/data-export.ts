import type { dataExport as nl } from "../nl/data-export";

export const dataExport: Record<keyof typeof nl, string> = {
  "dataExport.title": "My data",
};
