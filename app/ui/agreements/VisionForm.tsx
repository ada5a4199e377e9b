import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { FormErrors } from "../Field";
import { useT } from "../i18n";

/** The shared vision of the draft, saved with the version it was edited from. */
export function VisionForm({
  vision,
  version,
  draftKey,
  lastResult,
}: {
  vision: RichTextState | null;
  version: number;
  draftKey: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "vision", lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="vision" />
      <input type="hidden" name="version" value={version} />
      <RichTextField name="vision" id={fields.vision.id} label={t("agreement.field.vision")} hint={t("agreement.field.visionHint")} initialState={vision} draftKey={draftKey} errors={fields.vision.errors} />
      <div className="actions">
        <SubmitButton>{t("agreement.saveVision")}</SubmitButton>
      </div>
    </Form>
  );
}
