// Texts inside calendar files (.ics) and calendar feeds: written on the server only.
// Kept out of the browser dictionary (nl/index.ts); the server registers it (dictionaries.server.ts).
export const calendar = {
  "eventPublic.ics.address": "Adres: {address}",
  "eventPublic.ics.programme": "Programma:",
  "eventPublic.ics.page": "Meer informatie en aanmelden: {url}",

  "calendar.event.method": "Intervisie, methode: {method}",
  "calendar.event.video": "Videoverbinding: {url}",
  "calendar.event.page": "Meer informatie en uw aanmelding: {url}",
  "calendar.feed.name": "Leernetwerk – intervisie",
} as const;
