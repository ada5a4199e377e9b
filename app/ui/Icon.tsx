// The frame's icons, from Lucide, each imported by name so that only these reach the browser (the editor
// imports its toolbar icons itself, into its own lazily loaded chunk). An icon is decoration beside a
// visible word; a control with an icon alone gets its name from aria-label.
export {
  BookOpen,
  CalendarDays,
  ChartColumn,
  ChevronDown,
  Flag,
  Globe,
  House,
  Lightbulb,
  LogOut,
  NotebookPen,
  Shield,
  Users,
  UsersRound,
} from "lucide-react";

/** The props every icon gets: sized by the text around it, hidden from screen readers. */
export const iconProps = { size: "1.2em", "aria-hidden": true, focusable: false } as const;
