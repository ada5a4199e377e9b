import type { dataExport as nl } from "../nl/data-export";

export const dataExport: Record<keyof typeof nl, string> = {
  "dataExport.title": "My data",
  "dataExport.intro":
    "Download everything the learning network holds about you as one ZIP file. You can open it on your own computer and keep it or take it elsewhere.",
  "dataExport.contents": "What the download contains",
  "dataExport.contents.profile": "your profile: name, e-mail address, language, role, when your account was made and when you last signed in (never your password);",
  "dataExport.contents.memberships": "the coalitions you take part in, with your role, perspective and organisation;",
  "dataExport.contents.writing":
    "what you wrote: your reflections (including private ones and those in the bin), comments, lessons and milestones with the status changes you made;",
  "dataExport.contents.sessions": "intervision: the intervisions you were invited to or led, your answers, evaluations and actions, and the notes of intervisions you take part in;",
  "dataExport.contents.events": "events you organised and your registrations for events;",
  "dataExport.contents.account": "invitations to your address, whether you have a calendar feed, and the audit log of your account.",
  "dataExport.format":
    "Each kind of data is in a JSON file of its own; your texts are included as HTML pages too, to open in any browser. Start with index.html.",
  "dataExport.notIncluded": "What others wrote is not included, even where you may read it, except the notes of intervisions you take part in.",
  "dataExport.download": "Download my data (ZIP)",
  "dataExport.downloadHint": "The file is put together when you download it. For a large account that may take a moment.",
  "dataExport.back": "Back to settings",
  "dataExport.settingsLink": "Download my data",
  "dataExport.settingsIntro": "Everything the learning network holds about you, in one download.",

};
