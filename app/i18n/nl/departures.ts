// Leaving a coalition, deleting an account, and the 30 days to change one's mind.
export const departures = {
  "departures.formerMember": "Voormalig lid",
  "departures.formerParticipant": "Voormalig deelnemer",
  "departures.section.title": "Een coalitie verlaten of je account verwijderen",
  "departures.section.intro":
    "Je beslist zelf wat er met je werk gebeurt. Je hebt daarna 30 dagen om je te bedenken; pas dan is het definitief.",
  "departures.leaveLink": "{team} verlaten",
  "departures.deleteLink": "Mijn account verwijderen",
  "departures.leave.title": "{team} verlaten",
  "departures.leave.intro":
    "Je lidmaatschap stopt meteen: je leest en schrijft niet meer mee in {team}. Binnen 30 dagen kun je terugkomen, met alles zoals het was. Daarna is het definitief.",
  "departures.leave.confirm": "Ik wil {team} verlaten",
  "departures.leave.submit": "Coalitie verlaten",
  "departures.leave.done": "Je hebt de coalitie verlaten. Tot 30 dagen na vandaag kun je terugkomen via Instellingen.",
  "departures.delete.title": "Account verwijderen",
  "departures.delete.intro":
    "Je wordt meteen uitgelogd en kunt niet meer inloggen, en niemand leest nog wat je verwijdert. Je krijgt een e-mail met een link waarmee je dit 30 dagen lang ongedaan maakt. Daarna is het definitief: je naam en e-mailadres worden gewist.",
  "departures.delete.password": "Je wachtwoord, ter bevestiging",
  "departures.delete.confirm": "Ik wil mijn account verwijderen",
  "departures.delete.submit": "Account verwijderen",
  "departures.delete.done": "Je account is verwijderd. Met de link in je e-mail kun je dit binnen 30 dagen ongedaan maken.",
  "departures.private": "Je {count} persoonlijke reflecties worden verwijderd.",
  "departures.private.one": "Je persoonlijke reflectie wordt verwijderd.",
  "departures.items.legend": "Wat je met het team of het netwerk deelde",
  "departures.items.intro":
    "Kies per stuk: verwijderen, of bewaren voor het team. Bewaard werk blijft staan met als schrijver ‘voormalig lid’: je naam staat er dan niet meer bij.",
  "departures.items.none": "Je hebt hier niets met het team of het netwerk gedeeld.",
  "departures.choice.keep": "Bewaren als voormalig lid",
  "departures.choice.delete": "Verwijderen",
  "departures.kind.reflection": "Reflectie",
  "departures.kind.lesson": "Les",
  "departures.kind.milestone": "Mijlpaal",
  "departures.comments.legend": "Je {count} reacties op reflecties",
  "departures.comments.legend.one": "Je reactie op een reflectie",
  "departures.notes":
    "Intervisieaantekeningen die je schreef blijven bij de deelnemers van die bijeenkomst, onder ‘voormalig deelnemer’.",
  "departures.confirmRequired": "Vink dit aan om door te gaan.",
  "departures.adminCannotDelete":
    "Een beheerdersaccount kan zichzelf niet verwijderen. Vraag een andere beheerder om het te deactiveren.",
  "departures.lastFacilitator": "Je bent de enige begeleider van deze coalitie. Maak eerst iemand anders begeleider.",
  "departures.lastFacilitatorOf": "Je bent de enige begeleider van {team}. Maak daar eerst iemand anders begeleider.",
  "departures.open.title": "Terugkomen",
  "departures.open.item": "Je verliet {team} op {date}. Tot {until} kun je terugkomen, met alles zoals het was.",
  "departures.open.return": "Terug naar {team}",
  "departures.returned": "Welkom terug: je bent weer lid, met alles zoals het was.",
  "departures.restore.title": "Account terugzetten",
  "departures.restore.intro":
    "Het account {email} is verwijderd. Zet je het terug, dan is alles weer zoals het was: je lidmaatschappen en alles wat je schreef.",
  "departures.restore.submit": "Mijn account terugzetten",
  "departures.restore.invalid": "Deze link werkt niet meer: hij is al gebruikt, of de 30 dagen zijn voorbij.",
  "departures.restore.done": "Je account is terug. Log in met je e-mailadres en wachtwoord.",
  "departures.mail.subject": "Je account bij Leernetwerk is verwijderd",
  "departures.mail.body":
    "Hallo {name},\n\nJe hebt je account bij Leernetwerk verwijderd. Niemand leest nog wat je verwijderde, en je kunt niet meer inloggen.\n\nWas dit een vergissing? Tot {date} zet je met deze link alles terug zoals het was:\n{link}\n\nDaarna is het definitief: je naam en e-mailadres worden gewist.\n",
};
