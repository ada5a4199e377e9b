import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { choicesFor, weekdays, type DeliveryChoice, type NotificationKind } from "~/domain/notifications/notification-kinds";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { useT } from "~/ui/i18n";

type Settings = { deliveries: Record<NotificationKind, DeliveryChoice>; digestDay: number };

/** Per kind a group of radio buttons (off / in the app / e-mail at once / in the digest), and the digest's day. */
export function NotificationSettingsForm({
  kinds,
  settings,
  lastResult,
}: {
  kinds: readonly NotificationKind[];
  settings: Settings;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "notification-settings",
    lastResult,
    defaultValue: { ...settings.deliveries, digestDay: String(settings.digestDay) },
  });
  return (
    <section className="page-narrow">
      <p>
        <Link to="/settings">{t("notifications.settings.back")}</Link>
      </p>
      <h1>{t("notifications.settings.title")}</h1>
      <p className="lead">{t("notifications.settings.intro")}</p>
      <Form method="post" className="stack notification-settings" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {kinds.map((kind) => {
          const field = fields[kind];
          return (
            <fieldset key={kind} aria-describedby={field.errors?.length ? field.errorId : undefined}>
              <legend>{t(`notifications.kind.${kind}`)}</legend>
              {choicesFor(kind).map((choice) => (
                <label key={choice}>
                  <input type="radio" name={field.name} value={choice} defaultChecked={field.initialValue === choice} />
                  {t(`notifications.delivery.${choice}`)}
                </label>
              ))}
              <FieldErrors id={field.errorId} errors={field.errors} />
            </fieldset>
          );
        })}
        <Field field={fields.digestDay} label={t("notifications.settings.digestDay")} hint={t("notifications.settings.digestDayHint")}>
          <select id={fields.digestDay.id} name={fields.digestDay.name} defaultValue={fields.digestDay.initialValue} aria-describedby={fields.digestDay.descriptionId}>
            {weekdays.map((day) => (
              <option key={day} value={day}>
                {t(`notifications.weekday.${day}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <SubmitButton>{t("notifications.settings.save")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
