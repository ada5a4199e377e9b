import { containsLexical, filesForRoute, gzipBytes, measuredPages, readManifest } from "./bundle-sizes";

// Budgets of DESIGN.md §7, measured and printed (not asserted by timing tests).
const READING_BUDGET_KB = 120;

const manifest = readManifest();
console.log("JavaScript sent to the browser per page (gzip, including the lazily loaded editor):\n");
for (const page of measuredPages) {
  const files = filesForRoute(manifest, page.route);
  const kb = gzipBytes(files) / 1024;
  const lexical = containsLexical(files) ? "with Lexical" : "no Lexical";
  const budget = page.reading ? `  (budget ${READING_BUDGET_KB} KB: ${kb <= READING_BUDGET_KB ? "within" : "OVER"})` : "";
  console.log(`  ${page.label.padEnd(32)} ${kb.toFixed(1).padStart(7)} KB  ${lexical}${budget}`);
}
