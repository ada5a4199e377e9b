import type { mail as nl } from "../nl/mail.server";

export const mail: Record<keyof typeof nl, string> = {
  "mail.reset.subject": "New password for Leernetwerk",
  "mail.reset.body": "Dear {name},\n\nYou asked for a new password for Leernetwerk. Choose it through this link (valid for one hour, works once):\n\n{link}\n\nDid you not ask for this? Then you can ignore this e-mail.",
  "mail.invite.subject": "Invitation to Leernetwerk",
  "mail.invite.body": "Hello,\n\n{inviter} invites you to Leernetwerk: {where}. Create your account through this link (works once, valid for {days} days):\n\n{link}\n\nDon't know the sender? Then you can ignore this e-mail.",
  "mail.invite.programme": "the learning programme",

  "eventPublic.mail.registered.subject": "Registered: {title}",
  "eventPublic.mail.registered.body":
    "Hello {name},\n\nYou are registered for {title}.\n\nWhen: {when}\nWhere: {place}, {address}\n\nThe calendar file is attached to this e-mail.\n\nView, change or cancel your registration:\n{link}\n\nYour details are deleted automatically 90 days after the event.",
  "eventPublic.mail.waiting.subject": "Waiting list: {title}",
  "eventPublic.mail.waiting.body":
    "Hello {name},\n\n{title} is full. You are on the waiting list. When a place comes free, you get an e-mail straight away.\n\nWhen: {when}\nWhere: {place}, {address}\n\nView, change or cancel your registration:\n{link}\n\nYour details are deleted automatically 90 days after the event.",
  "eventPublic.mail.again.subject": "Your registration for {title}",
  "eventPublic.mail.again.body":
    "Hello {name},\n\nSomeone (probably you) tried to register this e-mail address again for {title}. You were already registered; no second registration was made.\n\nYour status: {status}\n\nWith this new link you view, change or cancel your registration (earlier links no longer work):\n{link}\n\nDidn't do this yourself? Then you can ignore this e-mail.",
  "eventPublic.mail.movedUp.subject": "A place has come free: {title}",
  "eventPublic.mail.movedUp.body": "Hello {name},\n\nA place has come free. You were on the waiting list and are now registered for {title}.\n\nWhen: {when}\nWhere: {place}, {address}\n\nThe calendar file is attached to this e-mail.\n\nCan't come after all? Please cancel through this link (earlier links no longer work):\n{link}\n\nYour details are deleted automatically 90 days after the event.",
  "eventPublic.mail.reminder.subject": "The day after tomorrow: {title}",
  "eventPublic.mail.reminder.body": "Hello {name},\n\nA reminder: you are registered for {title}.\n\nWhen: {when}\nWhere: {place}, {address}\n\nThe calendar file is attached to this e-mail.\n\nWould you like to change your registration, or can you not come after all? You can do so at this link (earlier links no longer work):\n{link}\n\nYour details are deleted automatically 90 days after the event.",
  "eventPublic.mail.status.registered": "registered, you have a place",
  "eventPublic.mail.status.waiting": "on the waiting list",

  "eventRegistrations.message.footer":
    "You receive this message because you registered for {event} on {when} in {place}. It comes from the organisers: {organiser}.",

  "poll.reminder.mail.subject": "Reminder: when can you come? – {title}",
  "poll.reminder.mail.body": "Dear {name},\n\nYou have not yet said when you can come to the intervision ‘{title}’. You can answer without signing in, through your personal link (valid for two weeks):\n\n{link}",
  "session.mail.poll.subject": "Intervision: when can you come? – {title}",
  "session.mail.poll.body": "Dear {name},\n\n{facilitator} is planning an intervision with {team}: ‘{title}’ (method: {method}).\n\nPlease say for each of the {count} suggested times whether you can come:\n\n{link}\n\nOnce the time is confirmed, you will get an e-mail with a calendar file.",
  "session.mail.poll.body.one": "Dear {name},\n\n{facilitator} is planning an intervision with {team}: ‘{title}’ (method: {method}).\n\nPlease say whether you can come at the suggested time:\n\n{link}\n\nOnce the time is confirmed, you will get an e-mail with a calendar file.",
  "session.mail.confirmed.subject": "Intervision confirmed: {title}",
  "session.mail.confirmed.body":
    "Dear {name},\n\nThe intervision ‘{title}’ of {team} is confirmed.\n\nWhen: {when}\nWhere: {where}\nMethod: {method}\n\nThe attached calendar file puts the appointment in your calendar. Please let us know whether you are coming:\n\n{link}",
  "session.mail.confirmed.bodyComing":
    "Dear {name},\n\nThe intervision ‘{title}’ of {team} is confirmed at a time you can make: you are down as coming.\n\nWhen: {when}\nWhere: {where}\nMethod: {method}\n\nThe attached calendar file puts the appointment in your calendar. Can you not come after all? Let us know here:\n\n{link}",
  "session.mail.rescheduled.subject": "Intervision moved: {title}",
  "session.mail.rescheduled.body":
    "Dear {name},\n\nThe intervision ‘{title}’ of {team} has been moved.\n\nNew time: {when}\nWhere: {where}\nMethod: {method}\n\nThe attached calendar file updates the appointment in your calendar. Can you come now, or not? Let us know at:\n\n{link}",
  "session.mail.reminder.subject": "Reminder: intervision {title}, {when}",
  "session.mail.reminder.body":
    "Dear {name},\n\nA reminder: you are coming to the intervision ‘{title}’ of {team}.\n\nWhen: {when}\nWhere: {where}\nMethod: {method}\n\n{link}",
  "session.mail.reminder.question": "The case bringer's question, to think about beforehand:\n{question}",
  "session.mail.held.subject": "What do you take with you? – {title}",
  "session.mail.held.body": "Dear {name},\n\nThank you for the intervision ‘{title}’. What do you take with you? Write it down in a reflection:\n\n{link}",
  "session.mail.cancelled.subject": "Intervision cancelled: {title}",
  "session.mail.cancelled.body":
    "Dear {name},\n\nThe intervision ‘{title}’ of {team} on {when} will not take place.\n\nThe attached calendar file takes the appointment out of your calendar.\n\n{link}",
  "departures.mail.subject": "Your Leernetwerk account has been deleted",
  "departures.mail.body":
    "Hello {name},\n\nYou deleted your Leernetwerk account. Nobody reads what you deleted any more, and you can no longer sign in.\n\nWas this a mistake? Until {date} this link puts everything back as it was:\n{link}\n\nAfter that it is final: your name and e-mail address are erased.\n",
};
