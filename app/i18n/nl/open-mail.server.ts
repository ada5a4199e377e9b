// The e-mail to someone who asked to come and see a coalition: an outsider, so "je".
export const visitMail = {
  "visitMail.subject": "Antwoord op je verzoek om te komen kijken bij {coalition}",
  "visitMail.body": "Hallo {name},\n\nBedankt voor je verzoek om te komen kijken bij {coalition}. De procesbegeleider heeft je geantwoord.",
  "visitMail.answer": "Bericht van {facilitator}:\n{answer}",
  "visitMail.link": "Meer over het programma en de coalities:\n{link}",
  "visitMail.retention": "Je gegevens worden 90 dagen na dit antwoord verwijderd.",
};
