import type { visitMail as nl } from "../nl/open-mail.server";

export const visitMail: Record<keyof typeof nl, string> = {
  "visitMail.subject": "Answer to your request to come and see {coalition}",
  "visitMail.body": "Hello {name},\n\nThank you for your request to come and see {coalition}. The facilitator has answered you.",
  "visitMail.answer": "Message from {facilitator}:\n{answer}",
  "visitMail.link": "More about the programme and the coalitions:\n{link}",
  "visitMail.retention": "Your details are deleted 90 days after this answer.",
};
