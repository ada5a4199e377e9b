// The printable programme digest (/programme/digest).
export const digest = {
  "digest.nav": "Programmadigest",
};
