import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { Theme } from "../domain/programme/themes.server";
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
