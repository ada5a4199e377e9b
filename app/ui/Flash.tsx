import type { MessageKey } from "../i18n/i18n";
import { useT } from "./i18n";

export function Flash({ message }: { message: MessageKey | null }) {
  const t = useT();
  if (!message) return null;
  return (
    <p className="flash" role="status">
      {t(message)}
    </p>
  );
}
