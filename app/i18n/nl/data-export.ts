// /settings/data: everything the network holds about a person, as one ZIP.
export const dataExport = {
  "dataExport.title": "Mijn gegevens",
  "dataExport.intro":
    "Download alles wat het leernetwerk over u bewaart, in één ZIP-bestand. U kunt het openen op uw eigen computer en bewaren of meenemen.",
  "dataExport.contents": "Wat er in de download zit",
  "dataExport.contents.profile": "uw profiel: naam, e-mailadres, taal, rol, wanneer uw account is gemaakt en wanneer u voor het laatst inlogde (nooit uw wachtwoord);",
  "dataExport.contents.memberships": "de coalities waarin u meedoet, met uw rol, perspectief en organisatie;",
  "dataExport.contents.writing":
    "wat u schreef: uw reflecties (ook de privé-reflecties en die in de prullenbak), reacties, lessen en mijlpalen met de statuswijzigingen die u doorvoerde;",
  "dataExport.contents.sessions": "intervisie: de intervisies waarvoor u was uitgenodigd of die u leidde, uw antwoorden, evaluaties en acties, en de aantekeningen van intervisies waaraan u meedoet;",
  "dataExport.contents.events": "bijeenkomsten die u organiseerde en uw aanmeldingen voor bijeenkomsten;",
  "dataExport.contents.account": "uitnodigingen aan uw adres, of u een agenda-abonnement hebt, en het activiteitenlog van uw account.",
  "dataExport.format":
    "Elk soort gegevens staat in een eigen JSON-bestand; uw teksten staan er ook als HTML-pagina's bij, te openen in elke browser. Begin bij index.html.",
  "dataExport.notIncluded": "Wat anderen schreven zit er niet in, ook niet als u het mag lezen, op de aantekeningen van intervisies waaraan u meedoet na.",
  "dataExport.download": "Download mijn gegevens (ZIP)",
  "dataExport.downloadHint": "Het bestand wordt op het moment van downloaden samengesteld. Bij een groot account kan dat even duren.",
  "dataExport.back": "Terug naar instellingen",
  "dataExport.settingsLink": "Mijn gegevens downloaden",
  "dataExport.settingsIntro": "Alles wat het leernetwerk over u bewaart, in één download.",

  // Inside the ZIP: index.html and the text pages, in the person's own language.
};
