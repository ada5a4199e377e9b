import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone. The scrolling box takes keyboard focus and carries a name, so
 * that it can be scrolled without a mouse even when the table holds no link (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
