// The e-mail to someone who asked to join a coalition's samenwerkingsovereenkomst: an outsider, so "je".
export const joiningMail = {
  "joiningMail.accepted.subject": "Welkom bij de samenwerkingsovereenkomst van {coalition}",
  "joiningMail.accepted.body": "Hallo {name},\n\nJe verzoek om je aan te sluiten bij de samenwerkingsovereenkomst van {coalition} is aangenomen. Welkom! De procesbegeleider neemt contact met je op over de volgende stap.",
  "joiningMail.declined.subject": "Je verzoek om aan te sluiten bij {coalition}",
  "joiningMail.declined.body": "Hallo {name},\n\nBedankt voor je verzoek om je aan te sluiten bij de samenwerkingsovereenkomst van {coalition}. De procesbegeleider heeft besloten je verzoek nu niet aan te nemen.",
  "joiningMail.message": "Bericht van de procesbegeleider:\n{message}",
  "joiningMail.link": "De overeenkomst lezen:\n{link}",
  "joiningMail.retention": "Je gegevens worden 90 dagen na dit besluit verwijderd.",
};
