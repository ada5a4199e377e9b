import { useT } from "./i18n";

/** On the demo programme: the coalitions are real, their people and events are made up. */
export function DemoNotice() {
  const t = useT();
  return (
    <p className="card demo-notice" role="note">
      {t("demo.notice")}
    </p>
  );
}
