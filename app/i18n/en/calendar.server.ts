import type { calendar as nl } from "../nl/calendar.server";

export const calendar: Record<keyof typeof nl, string> = {
  "eventPublic.ics.address": "Address: {address}",
  "eventPublic.ics.programme": "Programme:",
  "eventPublic.ics.page": "More information and registration: {url}",

  "calendar.event.method": "Intervision, method: {method}",
  "calendar.event.video": "Video call: {url}",
  "calendar.event.page": "More information and your RSVP: {url}",
  "calendar.feed.name": "Leernetwerk – intervision",
};
