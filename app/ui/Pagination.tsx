import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "./i18n";

/**
 * Previous / next links that keep the current filters in the address. Nothing when one page holds all.
 * A page with a list below other content names its own parameter and the heading to return to.
 */
export function Pagination({
  page,
  total,
  pageSize,
  param = "page",
  anchor,
}: {
  page: number;
  total: number;
  pageSize: number;
  param?: string;
  anchor?: string;
}) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const linkTo = (n: number) => {
    const next = new URLSearchParams(searchParams);
    next.set(param, String(n));
    return `?${next}${anchor ? `#${anchor}` : ""}`;
  };
  return (
    <nav className="pagination" aria-label={t("reflections.pagination")}>
      {page > 1 ? <Link to={linkTo(page - 1)}>{t("reflections.previous")}</Link> : null}
      <span>{t("reflections.page", { page, pages })}</span>
      {page < pages ? <Link to={linkTo(page + 1)}>{t("reflections.next")}</Link> : null}
    </nav>
  );
}
