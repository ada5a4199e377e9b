// /settings/data: everything the network holds about a person, as one ZIP.
export const dataExport = {
  "dataExport.title": "Mijn gegevens",
  "dataExport.intro":
    "Download alles wat het leernetwerk over u bewaart, in één ZIP-bestand. U kunt het openen op uw eigen computer en bewaren of meenemen.",
  "dataExport.contents": "Wat er in de download zit",
  "dataExport.contents.profile": "uw profiel: naam, e-mailadres, taal, rol, wanneer uw account is gemaakt en wanneer u voor het laatst inlogde (nooit uw wachtwoord);",
  "dataExport.contents.memberships": "de coalities waarvan u lid bent, met uw rol, perspectief en organisatie;",
  "dataExport.contents.writing":
    "wat u schreef: uw reflecties (ook de privé-reflecties en die in de prullenbak), reacties, lessen en mijlpalen met de statuswijzigingen die u doorvoerde;",
  "dataExport.contents.sessions":
    "intervisie: de sessies waarvoor u was uitgenodigd of die u leidde, uw antwoorden, evaluaties en acties, en de verslagen van sessies waaraan u deelneemt;",
  "dataExport.contents.events": "bijeenkomsten die u organiseerde en uw aanmeldingen voor bijeenkomsten;",
  "dataExport.contents.account": "uitnodigingen aan uw adres, of u een agenda-abonnement hebt, en het logboek van beveiligingsgebeurtenissen over uw account.",
  "dataExport.format":
    "Elk soort gegevens staat in een eigen JSON-bestand; uw teksten staan er ook als HTML-pagina's bij, te openen in elke browser. Begin bij index.html.",
  "dataExport.notIncluded":
    "Wat anderen schreven zit er niet in, ook niet als u het mag lezen, op de verslagen van intervisiesessies waaraan u deelneemt na.",
  "dataExport.download": "Download mijn gegevens (ZIP)",
  "dataExport.downloadHint": "Het bestand wordt op het moment van downloaden samengesteld. Bij een groot account kan dat even duren.",
  "dataExport.back": "Terug naar instellingen",
  "dataExport.settingsLink": "Mijn gegevens downloaden",
  "dataExport.settingsIntro": "Alles wat het leernetwerk over u bewaart, in één download.",

  // Inside the ZIP: index.html and the text pages, in the person's own language.
  "dataExport.index.title": "Gegevens van {name} in het leernetwerk",
  "dataExport.index.made": "Samengesteld op {date}.",
  "dataExport.index.intro":
    "Dit is alles wat het leernetwerk over u bewaart. Elk soort gegevens staat in een JSON-bestand (leesbaar voor computers); uw teksten staan hieronder ook als webpagina's.",
  "dataExport.index.files": "Bestanden",
  "dataExport.index.texts": "Uw teksten",
  "dataExport.index.none": "Geen.",
  "dataExport.file.profile": "Uw profiel: naam, e-mailadres, taal, rol, aangemaakt, laatst ingelogd.",
  "dataExport.file.memberships": "Uw lidmaatschappen: coalitie, rol, perspectief, organisatie.",
  "dataExport.file.reflections": "Uw reflecties, ook de privé-reflecties en die in de prullenbak (met de datum van verwijderen).",
  "dataExport.file.comments": "Uw reacties op reflecties.",
  "dataExport.file.lessons": "De lessen die u schreef.",
  "dataExport.file.milestones": "De mijlpalen die u aanmaakte of waarvan u eigenaar bent.",
  "dataExport.file.milestoneChanges": "De statuswijzigingen van mijlpalen die u doorvoerde, met uw toelichting.",
  "dataExport.file.sessions":
    "Intervisiesessies waarvoor u was uitgenodigd of die u leidde: uw aanmelding, beschikbaarheid, evaluatie en acties, en de verslagen van sessies waaraan u deelneemt.",
  "dataExport.file.events": "Bijeenkomsten die u organiseerde.",
  "dataExport.file.registrations": "Uw aanmeldingen voor bijeenkomsten.",
  "dataExport.file.invitations": "Uitnodigingen aan uw e-mailadres.",
  "dataExport.file.calendarFeed": "Of u een agenda-abonnement hebt (het geheime adres staat er niet in).",
  "dataExport.file.auditLog": "Beveiligingsgebeurtenissen over uw account: inloggen, wijzigingen, exports.",
  "dataExport.texts.reflections": "Reflecties",
  "dataExport.texts.lessons": "Lessen",
  "dataExport.texts.milestones": "Mijlpalen",
  "dataExport.texts.sessions": "Intervisieverslagen",
  "dataExport.texts.events": "Bijeenkomsten",
  "dataExport.text.coalition": "Coalitie: {name}",
  "dataExport.text.visibility": "Zichtbaar voor: {visibility}",
  "dataExport.text.deleted": "In de prullenbak sinds {date}",
  "dataExport.text.takeaway": "Wat de inbrenger meeneemt",
  "dataExport.text.report": "Verslag",
  "dataExport.visibility.private": "alleen u",
  "dataExport.visibility.team": "het team",
  "dataExport.visibility.network": "het netwerk",
};
