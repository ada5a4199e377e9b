import type { agreementMail as nl } from "../nl/agreement-mail.server";

export const agreementMail: Record<keyof typeof nl, string> = {
  "agreementMail.member.subject": "Please sign: collaboration agreement {team}",
  "agreementMail.member.body":
    "Dear {name},\n\n{inviter} asks you to sign version {number} of the collaboration agreement of {team} on behalf of {organisation}. You read the text and sign on this page:\n\n{link}",
  "agreementMail.link.subject": "Please sign: collaboration agreement {team}",
  "agreementMail.link.body":
    "Hello {name},\n\n{inviter} asks you to sign version {number} of the collaboration agreement of {team} on behalf of {organisation}. Through this personal link you read the whole text and sign, without an account:\n\n{link}\n\nThe link works until {until}, and once. Do not share it.",
  "agreementMail.review.subject": "Review: collaboration agreement {team}",
  "agreementMail.review.body":
    "Dear {name},\n\nToday, {date}, you meant to look at the collaboration agreement of {team} again. Does the text still match how you work together? Start a revision if needed:\n\n{link}",
};
