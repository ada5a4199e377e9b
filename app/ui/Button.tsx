import type { ButtonHTMLAttributes } from "react";
import { useNavigation } from "@remix-run/react";
import { useT } from "./i18n";

/** A submit button that says it is busy while its form is being sent. */
export function SubmitButton({
  children,
  variant = "primary",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) {
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={`button button-${variant}`} aria-disabled={busy || undefined} {...props}>
      {busy ? t("form.saving") : children}
    </button>
  );
}
