// E-mails (subjects and bodies): written on the server in the recipient's language, never rendered in a browser.
// Kept out of the browser dictionary (nl/index.ts); the server registers it (dictionaries.server.ts).
export const mail = {
  "mail.reset.subject": "Nieuw wachtwoord voor Leernetwerk",
  "mail.reset.body": "Beste {name},\n\nU heeft gevraagd om een nieuw wachtwoord voor Leernetwerk. Kies het via deze link (één uur geldig, werkt één keer):\n\n{link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
  "mail.invite.subject": "Uitnodiging voor Leernetwerk",
  "mail.invite.body": "Hallo,\n\n{inviter} nodigt u uit voor Leernetwerk: {where}. Maak uw account aan via deze link (werkt één keer, {days} dagen geldig):\n\n{link}\n\nKent u de afzender niet? Dan kunt u deze e-mail negeren.",
  "mail.invite.programme": "het leerprogramma",

  "eventPublic.mail.registered.subject": "Aangemeld: {title}",
  "eventPublic.mail.registered.body":
    "Hallo {name},\n\nJe bent aangemeld voor {title}.\n\nWanneer: {when}\nWaar: {place}, {address}\n\nHet agendabestand zit als bijlage bij deze e-mail.\n\nJe aanmelding bekijken, wijzigen of afzeggen:\n{link}\n\nJe gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.",
  "eventPublic.mail.waiting.subject": "Wachtlijst: {title}",
  "eventPublic.mail.waiting.body":
    "Hallo {name},\n\n{title} is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan krijg je meteen een e-mail.\n\nWanneer: {when}\nWaar: {place}, {address}\n\nJe aanmelding bekijken, wijzigen of afzeggen:\n{link}\n\nJe gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.",
  "eventPublic.mail.again.subject": "Je aanmelding voor {title}",
  "eventPublic.mail.again.body":
    "Hallo {name},\n\nIemand (waarschijnlijk jijzelf) probeerde dit e-mailadres opnieuw aan te melden voor {title}. Je was al aangemeld; er is geen tweede aanmelding gemaakt.\n\nJe status: {status}\n\nMet deze nieuwe link bekijk, wijzig of zeg je je aanmelding af (eerdere links werken niet meer):\n{link}\n\nHeb je dit niet zelf gedaan? Dan kun je deze e-mail negeren.",
  "eventPublic.mail.movedUp.subject": "Er is een plek vrijgekomen: {title}",
  "eventPublic.mail.movedUp.body": "Hallo {name},\n\nEr is een plek vrijgekomen. Je stond op de wachtlijst en bent nu aangemeld voor {title}.\n\nWanneer: {when}\nWaar: {place}, {address}\n\nHet agendabestand zit als bijlage bij deze e-mail.\n\nKun je toch niet komen? Zeg dan af via deze link (eerdere links werken niet meer):\n{link}\n\nJe gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.",
  "eventPublic.mail.reminder.subject": "Overmorgen: {title}",
  "eventPublic.mail.reminder.body": "Hallo {name},\n\nEen herinnering: je bent aangemeld voor {title}.\n\nWanneer: {when}\nWaar: {place}, {address}\n\nHet agendabestand zit als bijlage bij deze e-mail.\n\nWil je je aanmelding wijzigen, of kun je toch niet komen? Dat kan via deze link (eerdere links werken niet meer):\n{link}\n\nJe gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.",
  "eventPublic.mail.status.registered": "aangemeld, je hebt een plek",
  "eventPublic.mail.status.waiting": "op de wachtlijst",

  "eventRegistrations.message.footer": "Je krijgt dit bericht omdat je je hebt aangemeld voor {event} op {when} in {place}. Het bericht komt van de organisatoren: {organiser}.",

  "poll.reminder.mail.subject": "Herinnering: wanneer kunt u? – {title}",
  "poll.reminder.mail.body": "Beste {name},\n\nU heeft nog niet laten weten wanneer u kunt voor de intervisie ‘{title}’. Antwoorden kan zonder in te loggen, via uw eigen link (twee weken geldig):\n\n{link}",
  "session.mail.poll.subject": "Intervisie: wanneer kunt u? – {title}",
  "session.mail.poll.body":
    "Beste {name},\n\n{facilitator} plant een intervisie met {team}: ‘{title}’ (methode: {method}).\n\nGeef bij de {count} voorgestelde tijdstippen aan of u kunt:\n\n{link}\n\nAls het tijdstip vastligt, krijgt u een e-mail met een agendabestand.",
  "session.mail.poll.body.one": "Beste {name},\n\n{facilitator} plant een intervisie met {team}: ‘{title}’ (methode: {method}).\n\nGeef bij het voorgestelde tijdstip aan of u kunt:\n\n{link}\n\nAls het tijdstip vastligt, krijgt u een e-mail met een agendabestand.",
  "session.mail.confirmed.subject": "Intervisie vastgelegd: {title}",
  "session.mail.confirmed.body":
    "Beste {name},\n\nDe intervisie ‘{title}’ van {team} is vastgelegd.\n\nWanneer: {when}\nWaar: {where}\nMethode: {method}\n\nHet agendabestand in de bijlage zet de afspraak in uw agenda. Laat via deze link weten of u komt:\n\n{link}",
  "session.mail.confirmed.bodyComing":
    "Beste {name},\n\nDe intervisie ‘{title}’ van {team} is vastgelegd, op een tijdstip waarop u kunt: u staat genoteerd als deelnemer.\n\nWanneer: {when}\nWaar: {where}\nMethode: {method}\n\nHet agendabestand in de bijlage zet de afspraak in uw agenda. Kunt u toch niet? Laat het weten via:\n\n{link}",
  "session.mail.rescheduled.subject": "Intervisie verzet: {title}",
  "session.mail.rescheduled.body":
    "Beste {name},\n\nDe intervisie ‘{title}’ van {team} is verzet.\n\nNieuw tijdstip: {when}\nWaar: {where}\nMethode: {method}\n\nHet agendabestand in de bijlage werkt de afspraak in uw agenda bij. Kunt u nu wel of niet? Laat het weten via:\n\n{link}",
  "session.mail.reminder.subject": "Herinnering: intervisie {title}, {when}",
  "session.mail.reminder.body":
    "Beste {name},\n\nEen herinnering: u komt naar de intervisie ‘{title}’ van {team}.\n\nWanneer: {when}\nWaar: {where}\nMethode: {method}\n\n{link}",
  "session.mail.reminder.question": "De vraag van de inbrenger, om over na te denken:\n{question}",
  "session.mail.held.subject": "Wat neemt u mee? – {title}",
  "session.mail.held.body": "Beste {name},\n\nDank u voor de intervisie ‘{title}’. Wat neemt u mee? Schrijf het op in een reflectie:\n\n{link}",
  "session.mail.cancelled.subject": "Intervisie geannuleerd: {title}",
  "session.mail.cancelled.body":
    "Beste {name},\n\nDe intervisie ‘{title}’ van {team} op {when} gaat niet door.\n\nHet agendabestand in de bijlage haalt de afspraak uit uw agenda.\n\n{link}",
  "departures.mail.subject": "Uw account bij Leernetwerk is verwijderd",
  "departures.mail.body":
    "Beste {name},\n\nU heeft uw account bij Leernetwerk verwijderd. Niemand leest nog wat u verwijderde, en u kunt niet meer inloggen.\n\nWas dit een vergissing? Tot {date} zet u met deze link alles terug zoals het was:\n{link}\n\nDaarna is het definitief: uw naam en e-mailadres worden gewist.\n",
} as const;
