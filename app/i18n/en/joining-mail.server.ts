import type { joiningMail as nl } from "../nl/joining-mail.server";

export const joiningMail: Record<keyof typeof nl, string> = {
  "joiningMail.accepted.subject": "Welcome to the collaboration agreement of {coalition}",
  "joiningMail.accepted.body": "Hello {name},\n\nYour request to join the collaboration agreement of {coalition} has been accepted. Welcome! The facilitator will get in touch about the next step.",
  "joiningMail.declined.subject": "Your request to {coalition}",
  "joiningMail.declined.body": "Hello {name},\n\nThank you for your request to join the collaboration agreement of {coalition}. The facilitator has decided not to accept your request for now.",
  "joiningMail.message": "Message from the facilitator:\n{message}",
  "joiningMail.link": "Read the agreement:\n{link}",
  "joiningMail.retention": "Your details are deleted 90 days after this decision.",
};
