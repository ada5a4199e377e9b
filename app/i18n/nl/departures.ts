// Leaving a coalition, deleting an account, and the 30 days to change one's mind.
export const departures = {
  "departures.formerMember": "Voormalig lid",
  "departures.formerParticipant": "Voormalig deelnemer",
  "departures.section.title": "Een coalitie verlaten of uw account verwijderen",
  "departures.section.intro":
    "U beslist zelf wat er met uw werk gebeurt. Daarna heeft u 30 dagen om u te bedenken; pas dan is het definitief.",
  "departures.leaveLink": "{team} verlaten",
  "departures.deleteLink": "Mijn account verwijderen",
  "departures.leave.title": "{team} verlaten",
  "departures.leave.intro":
    "Uw lidmaatschap stopt meteen: u leest en schrijft niet meer mee in {team}. Binnen 30 dagen kunt u terugkomen, met alles zoals het was. Daarna is het definitief.",
  "departures.leave.confirm": "Ik wil {team} verlaten",
  "departures.leave.submit": "Coalitie verlaten",
  "departures.leave.done": "U heeft de coalitie verlaten. Tot 30 dagen na vandaag kunt u terugkomen via Mijn gegevens.",
  "departures.delete.title": "Account verwijderen",
  "departures.delete.intro":
    "U wordt meteen uitgelogd en kunt niet meer inloggen, en niemand leest nog wat u verwijdert. U krijgt een e-mail met een link waarmee u dit 30 dagen lang ongedaan maakt. Daarna is het definitief: uw naam en e-mailadres worden gewist.",
  "departures.delete.password": "Uw wachtwoord, ter bevestiging",
  "departures.delete.confirm": "Ik wil mijn account verwijderen",
  "departures.delete.submit": "Account verwijderen",
  "departures.delete.done": "Uw account is verwijderd. Met de link in uw e-mail kunt u dit binnen 30 dagen ongedaan maken.",
  "departures.private": "Uw {count} persoonlijke reflecties worden verwijderd.",
  "departures.private.one": "Uw persoonlijke reflectie wordt verwijderd.",
  "departures.items.legend": "Wat u met het team of het netwerk deelde",
  "departures.items.intro":
    "Kies per stuk: verwijderen, of bewaren voor het team. Bewaard werk blijft staan met als schrijver ‘voormalig lid’: uw naam staat er dan niet meer bij.",
  "departures.items.none": "U heeft hier niets met het team of het netwerk gedeeld.",
  "departures.choice.keep": "Bewaren als voormalig lid",
  "departures.choice.delete": "Verwijderen",
  "departures.kind.reflection": "Reflectie",
  "departures.kind.lesson": "Les",
  "departures.kind.milestone": "Mijlpaal",
  "departures.comments.legend": "Uw {count} reacties op reflecties",
  "departures.comments.legend.one": "Uw reactie op een reflectie",
  "departures.notes":
    "Intervisieaantekeningen die u schreef blijven bij de deelnemers van die bijeenkomst, onder ‘voormalig deelnemer’.",
  "departures.confirmRequired": "Vink dit aan om door te gaan.",
  "departures.adminCannotDelete":
    "Een beheerdersaccount kan zichzelf niet verwijderen. Vraag een andere beheerder om het te deactiveren.",
  "departures.lastFacilitator": "U bent de enige begeleider van deze coalitie. Maak eerst iemand anders begeleider.",
  "departures.lastFacilitatorOf": "U bent de enige begeleider van {team}. Maak daar eerst iemand anders begeleider.",
  "departures.open.title": "Terugkomen",
  "departures.open.item": "U verliet {team} op {date}. Tot {until} kunt u terugkomen, met alles zoals het was.",
  "departures.open.return": "Terug naar {team}",
  "departures.returned": "Welkom terug: u bent weer lid, met alles zoals het was.",
  "departures.restore.title": "Account terugzetten",
  "departures.restore.intro":
    "Het account {email} is verwijderd. Zet u het terug, dan is alles weer zoals het was: uw lidmaatschappen en alles wat u schreef.",
  "departures.restore.submit": "Mijn account terugzetten",
  "departures.restore.invalid": "Deze link werkt niet meer: hij is al gebruikt, of de 30 dagen zijn voorbij.",
  "departures.restore.done": "Uw account is terug. Log in met uw e-mailadres en wachtwoord.",
};
