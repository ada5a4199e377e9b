import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changePasswordSchema, profileSchema } from "~/auth/account-forms";
import { requireUser } from "~/auth/permissions.server";
import { endAllSessions, endSession } from "~/auth/session.server";
import { changePassword, checkPassword, updateProfile } from "~/domain/accounts/accounts.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { pageNumber } from "~/domain/audit/audit-form";
import { readOwnActivity } from "~/domain/audit/audit-log.server";
import { publicUrl } from "~/domain/mail/email.server";
import { calendarFeedToken, renewCalendarFeed } from "~/domain/sessions/calendar/calendar-feed.server";
import { SubmitButton } from "~/ui/Button";
import { Field, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { AuditTable } from "~/ui/audit/AuditTable";
import { Pagination } from "~/ui/Pagination";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feedToken = await calendarFeedToken(user);
  const calendarFeed = feedToken ? `${publicUrl(request)}/calendar/${feedToken}.ics` : null;
  const activity = await readOwnActivity(user, pageNumber(new URL(request.url).searchParams.get("activity")));
  return json({ id: user.id, name: user.name, email: user.email, language: user.language, calendarFeed, activity });
}

type Reply = { intent: "profile" | "password"; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "logout-everywhere") {
    await endAllSessions(user.id);
    await recordAudit({ kind: "logout_everywhere", actorId: user.id, subjectId: user.id });
    const headers = new Headers();
    headers.append("Set-Cookie", await endSession(request));
    headers.append("Set-Cookie", await setFlash("settings.loggedOutEverywhere"));
    return redirect("/login", { headers });
  }

  if (intent === "calendar-feed" || intent === "calendar-feed-renew") {
    await renewCalendarFeed(user);
    const message = intent === "calendar-feed" ? "calendar.feed.created" : "calendar.feed.renewed";
    return redirect("/settings#calendar-feed", { headers: { "Set-Cookie": await setFlash(message) } });
  }

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    const hide = { hideFields: ["current", "password", "confirm"] };
    if (submission.status !== "success") {
      return json<Reply>({ intent, result: submission.reply(hide) }, { status: 400 });
    }
    if (!(await checkPassword(user.id, submission.value.current))) {
      return json<Reply>(
        { intent, result: submission.reply({ fieldErrors: { current: ["error.passwordWrong"] }, ...hide }) },
        { status: 400 },
      );
    }
    await changePassword(user.id, submission.value.password, request);
    return redirect("/settings", { headers: { "Set-Cookie": await setFlash("settings.passwordChanged") } });
  }

  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") {
    return json<Reply>({ intent: "profile", result: submission.reply() }, { status: 400 });
  }
  await updateProfile(user.id, submission.value);
  return redirect("/settings", { headers: { "Set-Cookie": await setFlash("flash.saved") } });
}

export default function Settings() {
  const t = useT();
  const profile = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: reply?.intent === "profile" ? reply.result : undefined,
    defaultValue: { name: profile.name, language: profile.language },
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: reply?.intent === "password" ? reply.result : undefined,
  });
  return (
    <section className="page-narrow">
      <h1>{t("settings.title")}</h1>

      <h2>{t("settings.profile")}</h2>
      <Form method="post" className="stack" {...getFormProps(profileForm)}>
        <input type="hidden" name="intent" value="profile" />
        <p>
          {t("settings.email")}: <strong>{profile.email}</strong>
        </p>
        <Field field={profileFields.name} label={t("settings.name")} hint={t("settings.nameHint")}>
          <input
            {...getInputProps(profileFields.name, { type: "text", ariaDescribedBy: profileFields.name.descriptionId })}
            autoComplete="name"
          />
        </Field>
        <Field field={profileFields.language} label={t("settings.language")}>
          <select {...getSelectProps(profileFields.language)}>
            <option value="nl">{t("lang.nl")}</option>
            <option value="en">{t("lang.en")}</option>
          </select>
        </Field>
        <div className="actions">
          <SubmitButton>{t("settings.saveProfile")}</SubmitButton>
        </div>
      </Form>

      <h2>{t("settings.password")}</h2>
      <Form method="post" className="stack" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <FormErrors errors={passwordForm.errors} />
        <Field field={passwordFields.current} label={t("settings.currentPassword")}>
          <input {...getInputProps(passwordFields.current, { type: "password" })} autoComplete="current-password" />
        </Field>
        <Field field={passwordFields.password} label={t("settings.newPassword")} hint={t("reset.passwordHint")}>
          <input
            {...getInputProps(passwordFields.password, {
              type: "password",
              ariaDescribedBy: passwordFields.password.descriptionId,
            })}
            autoComplete="new-password"
          />
        </Field>
        <Field field={passwordFields.confirm} label={t("settings.confirmPassword")}>
          <input {...getInputProps(passwordFields.confirm, { type: "password" })} autoComplete="new-password" />
        </Field>
        <div className="actions">
          <SubmitButton>{t("settings.savePassword")}</SubmitButton>
        </div>
      </Form>

      <h2 id="calendar-feed">{t("calendar.feed.title")}</h2>
      <p>{t("calendar.feed.intro")}</p>
      {profile.calendarFeed ? (
        <>
          <div className="field">
            <label htmlFor="calendar-feed-address">{t("calendar.feed.address")}</label>
            <p className="field-hint" id="calendar-feed-hint">
              {t("calendar.feed.addressHint")}
            </p>
            <input
              id="calendar-feed-address"
              type="url"
              readOnly
              value={profile.calendarFeed}
              aria-describedby="calendar-feed-hint"
              spellCheck={false}
            />
          </div>
          <p>{t("calendar.feed.renewIntro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="calendar-feed-renew" />
            <SubmitButton variant="secondary">{t("calendar.feed.renew")}</SubmitButton>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-feed" />
          <SubmitButton variant="secondary">{t("calendar.feed.create")}</SubmitButton>
        </Form>
      )}

      <h2 id="notifications">{t("settings.notifications")}</h2>
      <p>
        {t("settings.notificationsIntro")} <Link to="/settings/notifications">{t("settings.notificationsLink")}</Link>
      </p>

      <h2 id="my-data">{t("dataExport.title")}</h2>
      <p>
        {t("dataExport.settingsIntro")} <Link to="/settings/data">{t("dataExport.settingsLink")}</Link>
      </p>

      <h2>{t("settings.sessions")}</h2>
      <p>{t("settings.sessionsIntro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="logout-everywhere" />
        <SubmitButton variant="danger">{t("settings.logoutEverywhere")}</SubmitButton>
      </Form>

      <h2 id="activity">{t("audit.own.title")}</h2>
      <p>{t("audit.own.intro")}</p>
      {profile.activity.entries.length === 0 ? (
        <p className="muted">{t("audit.own.none")}</p>
      ) : (
        <>
          <AuditTable entries={profile.activity.entries} caption={t("audit.own.caption")} me={profile.id} />
          <Pagination
            page={profile.activity.page}
            total={profile.activity.total}
            pageSize={profile.activity.pageSize}
            param="activity"
            anchor="activity"
          />
        </>
      )}
    </section>
  );
}
