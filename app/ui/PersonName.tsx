import { useT } from "./i18n";

/**
 * Someone who left or deleted their account is an anonymous stand-in with no name (departures.server.ts):
 * their kept work shows "former member", and in intervision "former participant".
 */
export function usePersonName() {
  const t = useT();
  return (name: string | null | undefined, as: "member" | "participant" = "member"): string =>
    name || t(as === "participant" ? "departures.formerParticipant" : "departures.formerMember");
}
