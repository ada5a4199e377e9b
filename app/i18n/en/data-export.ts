import type { dataExport as nl } from "../nl/data-export";

export const dataExport: Record<keyof typeof nl, string> = {
  "dataExport.title": "My data",
  "dataExport.intro":
    "Download everything the learning network holds about you as one ZIP file. You can open it on your own computer and keep it or take it elsewhere.",
  "dataExport.contents": "What the download contains",
  "dataExport.contents.profile": "your profile: name, e-mail address, language, role, when your account was made and when you last signed in (never your password);",
  "dataExport.contents.memberships": "the coalitions you belong to, with your role, perspective and organisation;",
  "dataExport.contents.writing":
    "what you wrote: your reflections (including private ones and those in the bin), comments, lessons and milestones with the status changes you made;",
  "dataExport.contents.sessions":
    "intervision: the sessions you were invited to or led, your answers, evaluations and actions, and the notes of sessions you take part in;",
  "dataExport.contents.events": "events you organised and your registrations for events;",
  "dataExport.contents.account": "invitations to your address, whether you have a calendar feed, and the log of security events about your account.",
  "dataExport.format":
    "Each kind of data is in a JSON file of its own; your texts are included as HTML pages too, to open in any browser. Start with index.html.",
  "dataExport.notIncluded":
    "What others wrote is not included, even where you may read it, except the notes of intervision sessions you take part in.",
  "dataExport.download": "Download my data (ZIP)",
  "dataExport.downloadHint": "The file is put together when you download it. For a large account that may take a moment.",
  "dataExport.back": "Back to settings",
  "dataExport.settingsLink": "Download my data",
  "dataExport.settingsIntro": "Everything the learning network holds about you, in one download.",

  "dataExport.index.title": "Data of {name} in the learning network",
  "dataExport.index.made": "Put together on {date}.",
  "dataExport.index.intro":
    "This is everything the learning network holds about you. Each kind of data is in a JSON file (for computers to read); your texts are below as web pages too.",
  "dataExport.index.files": "Files",
  "dataExport.index.texts": "Your texts",
  "dataExport.index.none": "None.",
  "dataExport.file.profile": "Your profile: name, e-mail address, language, role, created, last signed in.",
  "dataExport.file.memberships": "Your memberships: coalition, role, perspective, organisation.",
  "dataExport.file.reflections": "Your reflections, including private ones and those in the bin (with the date they were deleted).",
  "dataExport.file.comments": "Your comments on reflections.",
  "dataExport.file.lessons": "The lessons you wrote.",
  "dataExport.file.milestones": "The milestones you created or own.",
  "dataExport.file.milestoneChanges": "The milestone status changes you made, with your reasons.",
  "dataExport.file.sessions":
    "Intervision sessions you were invited to or led: your reply, availability, evaluation and actions, and the notes of sessions you take part in.",
  "dataExport.file.events": "Events you organised.",
  "dataExport.file.registrations": "Your registrations for events.",
  "dataExport.file.invitations": "Invitations to your e-mail address.",
  "dataExport.file.calendarFeed": "Whether you have a calendar feed (its secret address is not included).",
  "dataExport.file.auditLog": "Security events about your account: sign-ins, changes, exports.",
  "dataExport.texts.reflections": "Reflections",
  "dataExport.texts.lessons": "Lessons",
  "dataExport.texts.milestones": "Milestones",
  "dataExport.texts.sessions": "Intervision notes",
  "dataExport.texts.events": "Events",
  "dataExport.text.coalition": "Coalition: {name}",
  "dataExport.text.visibility": "Visible to: {visibility}",
  "dataExport.text.deleted": "In the bin since {date}",
  "dataExport.text.takeaway": "What the case bringer takes away",
  "dataExport.text.report": "Report",
  "dataExport.visibility.private": "you alone",
  "dataExport.visibility.team": "the team",
  "dataExport.visibility.network": "the network",
};
