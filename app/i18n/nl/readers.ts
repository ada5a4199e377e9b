// "Who can read this" on every written item.
export const readers = {
  "readers.toggle": "Wie kan dit lezen?",
};
