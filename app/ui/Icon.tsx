import type { IconNode } from "lucide";
import { createElement } from "react";

// Icons from Lucide. The "lucide" package holds each icon as plain path data, imported by name, so that only the
// icons used reach the browser and no icon runtime comes with them: Icon draws one. An icon is decoration
// beside a visible word (hidden from screen readers); a control with an icon alone gets its name from aria-label.
export { Bell, CalendarDays, ChartColumn, ChevronDown, CircleHelp, FilePenLine, Flag, Globe, House, Lightbulb, LogOut, MessagesSquare, NotebookPen, Quote, Shield, Users, UsersRound } from "lucide";

export function Icon({ icon, size = "1.2em", className }: { icon: IconNode; size?: number | string; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {icon.map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
    </svg>
  );
}
