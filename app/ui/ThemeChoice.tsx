import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { Theme } from "../domain/themes.server";
import { useLocale, useT } from "./i18n";

/** The shared theme list as checkboxes, for every object that carries themes. */
export function ThemeChoice({ field, themes }: { field: FieldMetadata<string[] | undefined>; themes: Theme[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset>
      <legend>{t("reflection.field.themes")}</legend>
      <p className="field-hint">{t("reflection.field.themesHint")}</p>
      <div className="choice-grid">
        {getCollectionProps(field, { type: "checkbox", options: themes.map((theme) => theme.id) }).map((props, index) => (
          <label className="choice" key={props.key} htmlFor={props.id}>
            <input {...props} key={props.key} />
            {locale === "en" ? themes[index].name_en : themes[index].name_nl}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

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
