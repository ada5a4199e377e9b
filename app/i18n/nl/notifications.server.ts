// Notifications as the server writes them: the one line that says what happened (the list and a mail's subject)
// and the mail around it. They name who did it and the item's title, never text of the item.
export const notificationLines = {
  "notificationLine.someone": "Iemand",
  "notificationLine.reply": "{actor} reageerde op ‘{title}’",
  "notificationLine.mention": "{actor} noemde u in ‘{title}’",
  "notificationLine.poll": "{actor} vraagt wanneer u kunt voor de intervisie ‘{title}’",
  "notificationLine.session.confirmed": "De intervisie ‘{title}’ is vastgelegd",
  "notificationLine.session.rescheduled": "De intervisie ‘{title}’ is verzet",
  "notificationLine.session.cancelled": "De intervisie ‘{title}’ gaat niet door",
  "notificationLine.session.reminder": "Herinnering: de intervisie ‘{title}’ komt eraan",
  "notificationLine.session.held": "Wat neemt u mee uit de intervisie ‘{title}’?",
  "notificationLine.action": "{actor} gaf u een vervolgactie in de intervisie ‘{title}’",
  "notificationLine.shared.team": "{actor} deelde ‘{title}’ met de coalitie",
  "notificationLine.shared.network": "{actor} deelde ‘{title}’ met het netwerk",
  "notificationLine.registration": "Nieuwe aanmelding voor de bijeenkomst ‘{title}’",
  "notificationLine.join_request": "Iemand vraagt aan te sluiten bij de samenwerkingsovereenkomst van {title}",
  "notificationLine.signature": "{actor} ondertekende de samenwerkingsovereenkomst van {title}",
  "notificationLine.visit_request": "{title} wil komen kijken bij uw coalitie",
  "notificationLine.harvest": "Vandaag is een gepland oogstmoment voor de leervraag ‘{title}’",
  "notificationLine.quote": "De programmamedewerker wil uw coalitie citeren in ‘{title}’ en vraagt uw toestemming",
  "notificationLine.quote.withdrawn": "{actor} trok een citaat in ‘{title}’ in",
  "notificationMail.body": "Beste {name},\n\n{line}.\n\nBekijk het hier:\n{link}",
  "notificationMail.footer":
    "—\nGeen e-mail meer over dit soort meldingen? Klik hier (één klik, u hoeft niet in te loggen):\n{unsubscribe}\n\nAl uw instellingen voor meldingen:\n{settings}",
} as const;
