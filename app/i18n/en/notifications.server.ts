import type { notificationLines as nl } from "../nl/notifications.server";

export const notificationLines: Record<keyof typeof nl, string> = {
  "notificationLine.someone": "Someone",
  "notificationLine.reply": "{actor} replied to ‘{title}’",
  "notificationLine.mention": "{actor} mentioned you in ‘{title}’",
  "notificationLine.poll": "{actor} asks when you can come to the intervision ‘{title}’",
  "notificationLine.session.confirmed": "The intervision ‘{title}’ is confirmed",
  "notificationLine.session.rescheduled": "The intervision ‘{title}’ has moved",
  "notificationLine.session.cancelled": "The intervision ‘{title}’ is cancelled",
  "notificationLine.session.reminder": "Reminder: the intervision ‘{title}’ is coming up",
  "notificationLine.session.held": "What do you take with you from the intervision ‘{title}’?",
  "notificationLine.action": "{actor} gave you a follow-up action in the intervision ‘{title}’",
  "notificationLine.shared.team": "{actor} shared ‘{title}’ with the coalition",
  "notificationLine.shared.network": "{actor} shared ‘{title}’ with the network",
  "notificationLine.registration": "New registration for the event ‘{title}’",
  "notificationLine.join_request": "Someone asks to join the collaboration agreement of {title}",
  "notificationLine.signature": "{actor} signed the collaboration agreement of {title}",
  "notificationLine.visit_request": "{title} would like to come and see your coalition",
  "notificationLine.harvest": "Today is a planned harvest for the learning question ‘{title}’",
  "notificationLine.quote": "The programme officer would like to quote your coalition in ‘{title}’ and asks your consent",
  "notificationLine.quote.withdrawn": "{actor} withdrew a quote in ‘{title}’",
  "notificationMail.body": "Dear {name},\n\n{line}.\n\nSee it here:\n{link}",
  "notificationMail.footer":
    "—\nNo more e-mail about this kind of notification? Click here (one click, no need to sign in):\n{unsubscribe}\n\nAll your notification settings:\n{settings}",
};
