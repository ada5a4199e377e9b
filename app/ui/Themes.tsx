import type { Theme } from "../domain/programme/themes.server";
import { useLocale, useT } from "./i18n";

// Themes shown and filtered on reading pages. The form control (ThemeChoice) lives apart, so reading pages
// do not load the form library.

/** The theme filter of a list: one select over the shared theme list, its value the theme's slug. */
export function ThemeFilter({
  themes,
  value,
  label,
  anyLabel,
}: {
  themes: Theme[];
  value: string | undefined;
  label: string;
  anyLabel: string;
}) {
  const locale = useLocale();
  return (
    <div className="field">
      <label htmlFor="filter-theme">{label}</label>
      <select id="filter-theme" name="theme" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.slug}>
            {locale === "en" ? theme.name_en : theme.name_nl}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An item's themes as badges, in the reader's language. */
export function ThemeBadges({ themes }: { themes: { slug: string; name_nl: string; name_en: string }[] }) {
  const locale = useLocale();
  return themes.map((theme) => (
    <span key={theme.slug} className="badge">
      {locale === "en" ? theme.name_en : theme.name_nl}
    </span>
  ));
}
