// A person's initials in a coloured circle: a face for a name without asking anyone for a photo.
// The colour follows the name, so the same person looks the same on every page.

// Eight colours (.avatar-0 … .avatar-7 in styles.css: the page's security policy allows no inline styles).
const COLOURS = 8;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  // "Ans van der Berg" is AB: Dutch name particles (van, de, der, ten …) are written in lower case.
  const capitals = words.filter((word) => word[0] === word[0].toLocaleUpperCase("nl"));
  const parts = capitals.length > 0 ? capitals : words;
  const first = parts[0][0];
  const last = parts.length > 1 ? parts[parts.length - 1][0] : "";
  return (first + last).toLocaleUpperCase("nl");
}

function colourOf(name: string): number {
  let sum = 0;
  for (const char of name) sum = (sum * 31 + char.charCodeAt(0)) >>> 0;
  return sum % COLOURS;
}

/** Decoration beside the written name: the name itself carries the meaning for screen readers. */
export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  return (
    <span className={`avatar avatar-${size} avatar-${colourOf(name)}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
