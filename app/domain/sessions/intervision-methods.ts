// The intervision methods the app ships with: data, in Dutch and English, written for this programme.
// A session stores a method's slug (intervision_session.method); its notes are kept per phase, by the
// phase's index in this list, so phases of a shipped method are only ever appended, never reordered.
// Isomorphic on purpose: no database, no zod, so pages and forms can import it as they like.

export type Words = { nl: string; en: string };

export type IntervisionPhase = {
  name: Words;
  /** What happens in this phase, who does what. */
  what: Words;
  /** Suggested length in minutes. */
  minutes: number;
};

export type IntervisionMethod = {
  slug: string;
  name: Words;
  purpose: Words;
  /** The kind of question the method suits, as a case bringer would ask it. */
  fitsWhen: Words;
  roles: { nl: string[]; en: string[] };
  phases: IntervisionPhase[];
  /** Typical length of a whole session in minutes: the sum of the phases' suggested minutes. */
  totalMinutes: number;
};

/**
 * The agreements on confidentiality that the facilitator repeats when opening every session (the opening
 * phase of each method says so), written out so that everyone reads the same words.
 */
export const confidentialityAgreements: Words[] = [
  {
    nl: "Wat iemand in de intervisie vertelt, blijft in de groep. Buiten de intervisie noemt u geen namen en geen details van wat er is ingebracht.",
    en: "What someone tells in the intervision stays in the group. Outside the intervision you mention no names and no details of what was brought in.",
  },
  {
    nl: "Wilt u er later met de inbrenger over praten, vraag dan eerst of dat goed is. Met anderen praat u er niet over.",
    en: "If you want to talk about it with the case bringer later, ask first whether that is all right. You do not talk about it with others.",
  },
  {
    nl: "De aantekeningen zijn alleen voor de deelnemers. Wat u wilt delen, schrijft u zelf op als reflectie of les, zonder namen of herkenbare details van anderen.",
    en: "The notes are for the participants only. What you want to share, you write yourself as a reflection or lesson, without names or recognisable details of others.",
  },
  {
    nl: "De inbrenger blijft eigenaar van de vraag en beslist zelf wat hij of zij met de adviezen doet.",
    en: "The case bringer keeps owning the question and decides what to do with the advice.",
  },
  {
    nl: "We luisteren zonder te oordelen, spreken vanuit onszelf en praten niet over mensen die er niet bij zijn.",
    en: "We listen without judging, speak for ourselves and do not talk about people who are not there.",
  },
];

const roles = {
  facilitator: {
    nl: "Gespreksleider — bewaakt de stappen en de sfeer, en zorgt dat de inbrenger eigenaar van de vraag blijft",
    en: "Facilitator (gespreksleider) — keeps to the steps and the atmosphere, and makes sure the case bringer keeps owning the question",
  },
  caseBringer: {
    nl: "Inbrenger — brengt een eigen, echte situatie in en beslist zelf wat hij of zij meeneemt",
    en: "Case bringer (inbrenger) — brings a real situation of their own and decides what to take away",
  },
  timekeeper: {
    nl: "Tijdbewaker — let op de minuten per fase en meldt het als een fase uitloopt",
    en: "Timekeeper (tijdbewaker) — watches the minutes per phase and speaks up when a phase runs over",
  },
  participants: {
    nl: "Deelnemers — luisteren, vragen door en denken mee, zonder de situatie over te nemen",
    en: "Participants (deelnemers) — listen, ask, and think along without taking the situation over",
  },
} satisfies Record<string, Words>;

function roleList(...list: Words[]): IntervisionMethod["roles"] {
  return { nl: list.map((role) => role.nl), en: list.map((role) => role.en) };
}

/** Every method ends the same way: a short round on how the session went (the closing evaluation). */
const evaluation: IntervisionPhase = {
  name: { nl: "Evaluatie", en: "Evaluation" },
  what: {
    nl: "Iedere deelnemer geeft de intervisie een score van 1 tot 5 en zegt in één zin wat hielp of wat beter kan. De inbrenger begint.",
    en: "Each participant scores the session from 1 to 5 and says in one sentence what helped or what could be better. The case bringer goes first.",
  },
  minutes: 5,
};

function method(input: Omit<IntervisionMethod, "totalMinutes">): IntervisionMethod {
  return { ...input, totalMinutes: input.phases.reduce((sum, phase) => sum + phase.minutes, 0) };
}

export const intervisionMethods: IntervisionMethod[] = [
  method({
    slug: "incidentmethode",
    name: { nl: "Incidentmethode", en: "Incident method" },
    purpose: {
      nl: "Leren van één kort, recent voorval waarin de inbrenger moest handelen en twijfelde. De groep leeft zich in dat moment in: wat zou ik hebben gedaan? Zo ziet de inbrenger andere mogelijkheden naast de eigen keuze.",
      en: "Learning from one short, recent event in which the case bringer had to act and was unsure. The group puts itself in that moment: what would I have done? The case bringer sees other options next to their own choice.",
    },
    fitsWhen: {
      nl: "Een vraag over één concreet moment waarop u moest handelen: wat had ik daar anders kunnen doen?",
      en: "A question about one concrete moment when you had to act: what could I have done differently there?",
    },
    roles: roleList(roles.facilitator, roles.caseBringer, roles.timekeeper, roles.participants),
    phases: [
      {
        name: { nl: "Opening en keuze van het incident", en: "Opening and choosing the incident" },
        what: {
          nl: "De gespreksleider opent en herhaalt de afspraken over vertrouwelijkheid. Wie een incident heeft, noemt het in één zin; de groep kiest er één.",
          en: "The facilitator opens and repeats the agreements on confidentiality. Whoever has an incident names it in one sentence; the group picks one.",
        },
        minutes: 5,
      },
      {
        name: { nl: "Het incident vertellen", en: "Telling the incident" },
        what: {
          nl: "De inbrenger vertelt kort wat er gebeurde, tot aan het moment waarop hij of zij iets moest doen. Wat er daarna gebeurde, blijft nog even onverteld.",
          en: "The case bringer briefly tells what happened, up to the moment they had to do something. What happened next is kept back for now.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Informatieve vragen", en: "Questions for information" },
        what: {
          nl: "Deelnemers stellen alleen vragen naar feiten en omstandigheden: wie waren er, wat wist je toen, wat was er eerder gebeurd? Nog geen adviezen.",
          en: "Participants only ask about facts and circumstances: who was there, what did you know then, what had happened before? No advice yet.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Wat zou ik doen?", en: "What would I do?" },
        what: {
          nl: "Ieder schrijft voor zich op wat hij of zij op dat moment zou doen en waarom. Daarna vertelt iedereen het om de beurt; de inbrenger luistert.",
          en: "Each person writes down what they would do at that moment, and why. Then everyone tells it in turn; the case bringer listens.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Wat er echt gebeurde", en: "What really happened" },
        what: {
          nl: "De inbrenger vertelt wat hij of zij werkelijk deed en hoe het afliep, en vergelijkt dat met de reacties van de groep: wat valt op?",
          en: "The case bringer tells what they actually did and how it ended, and compares it with the group's answers: what stands out?",
        },
        minutes: 10,
      },
      {
        name: { nl: "Wat nemen we mee?", en: "What do we take with us?" },
        what: {
          nl: "De groep zoekt samen naar wat breder geldt. De inbrenger zegt wat hij of zij de volgende keer anders of juist hetzelfde wil doen.",
          en: "Together the group looks for what holds more widely. The case bringer says what they want to do differently, or the same, next time.",
        },
        minutes: 10,
      },
      evaluation,
    ],
  }),
  method({
    slug: "roddelmethode",
    name: { nl: "Roddelmethode", en: "Gossip method" },
    purpose: {
      nl: "De inbrenger hoort hoe anderen over de situatie praten als hij of zij er niet bij lijkt te zijn. Door even niet te hoeven reageren, luistert de inbrenger anders en hoort hij of zij dingen die in een gewoon gesprek wegvallen.",
      en: "The case bringer hears how others talk about the situation as if they were not there. Not having to respond for a while makes them listen differently and hear what a normal conversation drowns out.",
    },
    fitsWhen: {
      nl: "Een vraag over uzelf in een situatie die vastzit: hoe kom ik over, wat zie ik zelf niet?",
      en: "A question about yourself in a situation that is stuck: how do I come across, what am I not seeing?",
    },
    roles: roleList(roles.facilitator, roles.caseBringer, roles.timekeeper, roles.participants),
    phases: [
      {
        name: { nl: "Opening en keuze van de inbreng", en: "Opening and choosing the case" },
        what: {
          nl: "De gespreksleider herhaalt de afspraken over vertrouwelijkheid en legt de methode uit, ook dat er straks over de inbrenger gepraat wordt alsof die afwezig is. De groep kiest een inbreng.",
          en: "The facilitator repeats the agreements on confidentiality and explains the method, including that the group will soon talk about the case bringer as if they were absent. The group chooses a case.",
        },
        minutes: 5,
      },
      {
        name: { nl: "De situatie schetsen", en: "Sketching the situation" },
        what: {
          nl: "De inbrenger vertelt over de situatie en sluit af met een vraag aan de groep.",
          en: "The case bringer describes the situation and ends with a question for the group.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Verhelderende vragen", en: "Clarifying questions" },
        what: {
          nl: "Deelnemers stellen vragen om de situatie goed te begrijpen. De inbrenger antwoordt kort.",
          en: "Participants ask questions to understand the situation well. The case bringer answers briefly.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Roddelen", en: "Gossiping" },
        what: {
          nl: "De inbrenger draait de stoel om en luistert zonder te reageren. De groep praat over de inbrenger en de situatie: wat ziet u, wat vermoedt u, wat zou helpen? Open en respectvol.",
          en: "The case bringer turns their chair around and listens without reacting. The group talks about the case bringer and the situation: what do you see, what do you suspect, what would help? Open and respectful.",
        },
        minutes: 20,
      },
      {
        name: { nl: "Reactie van de inbrenger", en: "The case bringer responds" },
        what: {
          nl: "De inbrenger draait terug en vertelt wat raakte, wat herkenbaar was en wat niet klopte. De groep luistert nu.",
          en: "The case bringer turns back and says what touched them, what they recognised and what did not fit. Now the group listens.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Nagesprek", en: "Follow-up conversation" },
        what: {
          nl: "Een open gesprek met z'n allen. De inbrenger formuleert wat hij of zij meeneemt en eventueel een eerste stap.",
          en: "An open conversation with everyone. The case bringer puts into words what they take away and, if they like, a first step.",
        },
        minutes: 10,
      },
      evaluation,
    ],
  }),
  method({
    slug: "balintmethode",
    name: { nl: "Balintmethode", en: "Balint method" },
    purpose: {
      nl: "Aandacht voor de relatie tussen de inbrenger en de ander (een bewoner, een collega, een partnerorganisatie) en voor de gevoelens die die relatie oproept. Niet het oplossen staat voorop, maar beter begrijpen wat er tussen mensen gebeurt.",
      en: "Attention to the relationship between the case bringer and the other person (a resident, a colleague, a partner organisation) and to the feelings it stirs up. The aim is not to solve it but to understand better what happens between people.",
    },
    fitsWhen: {
      nl: "Een vraag over een moeizaam contact met een bewoner, collega of partner: wat gebeurt er tussen ons?",
      en: "A question about a difficult contact with a resident, colleague or partner: what is going on between us?",
    },
    roles: roleList(roles.facilitator, roles.caseBringer, roles.timekeeper, roles.participants),
    phases: [
      {
        name: { nl: "Opening", en: "Opening" },
        what: {
          nl: "De gespreksleider opent, herhaalt de afspraken over vertrouwelijkheid en vraagt wie een relatie inbrengt die hem of haar bezighoudt.",
          en: "The facilitator opens, repeats the agreements on confidentiality and asks who brings a relationship that keeps them busy.",
        },
        minutes: 5,
      },
      {
        name: { nl: "Vrij vertellen", en: "Telling freely" },
        what: {
          nl: "De inbrenger vertelt uit het hoofd, zonder aantekeningen, over de ander en het contact. Wat hij of zij vergeet of juist benadrukt, zegt ook iets.",
          en: "The case bringer tells from memory, without notes, about the other person and the contact. What they forget or stress says something too.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Vragen ter verheldering", en: "Clarifying questions" },
        what: {
          nl: "Deelnemers vragen door op het verhaal, vooral op wat er in het contact gebeurde en hoe het voelde.",
          en: "Participants ask about the story, especially about what happened in the contact and how it felt.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Associatieronde", en: "Round of associations" },
        what: {
          nl: "De inbrenger luistert zwijgend. Deelnemers zeggen welke gevoelens, beelden en vermoedens het verhaal bij hen oproept, ook als die vreemd lijken.",
          en: "The case bringer listens in silence. Participants say which feelings, images and hunches the story brings up in them, even if they seem odd.",
        },
        minutes: 20,
      },
      {
        name: { nl: "Reactie van de inbrenger", en: "The case bringer responds" },
        what: {
          nl: "De inbrenger vertelt wat herkenbaar was en wat nieuw, en wat dat zegt over het contact met de ander.",
          en: "The case bringer says what they recognised and what was new, and what that says about the contact with the other person.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Verdieping", en: "Going deeper" },
        what: {
          nl: "Samen kijken naar wat dit leert over samenwerken tussen bewoners en professionals: wat speelt er vaker, wat vraagt het van ons?",
          en: "Together, looking at what this teaches about residents and professionals working together: what happens more often, what does it ask of us?",
        },
        minutes: 10,
      },
      evaluation,
    ],
  }),
  method({
    slug: "probleemoplossingsmethode",
    name: { nl: "Probleemoplossingsmethode", en: "Problem-solving method" },
    purpose: {
      nl: "Stap voor stap van een vastgelopen situatie naar een haalbare eerste stap: eerst het probleem goed begrijpen en scherp formuleren, pas daarna oplossingen bedenken, en de inbrenger kiest.",
      en: "Step by step from a stuck situation to a feasible first step: first understand the problem and state it sharply, only then come up with solutions, and the case bringer chooses.",
    },
    fitsWhen: {
      nl: "Een praktisch probleem waarvoor u een aanpak zoekt: wat kan ik doen, en wat doe ik eerst?",
      en: "A practical problem you are looking for an approach to: what can I do, and what do I do first?",
    },
    roles: roleList(roles.facilitator, roles.caseBringer, roles.timekeeper, roles.participants),
    phases: [
      {
        name: { nl: "Opening en vraag", en: "Opening and question" },
        what: {
          nl: "De gespreksleider opent en herhaalt de afspraken over vertrouwelijkheid. De inbrenger beschrijft kort het probleem en de vraag aan de groep.",
          en: "The facilitator opens and repeats the agreements on confidentiality. The case bringer briefly describes the problem and the question for the group.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Het probleem verkennen", en: "Exploring the problem" },
        what: {
          nl: "Deelnemers vragen door: sinds wanneer, wie zijn erbij betrokken, wat is al geprobeerd, wat staat er op het spel? Nog geen oplossingen.",
          en: "Participants ask further: since when, who is involved, what has been tried, what is at stake? No solutions yet.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Het probleem benoemen", en: "Naming the problem" },
        what: {
          nl: "Ieder formuleert in één zin wat volgens hem of haar het eigenlijke probleem is. De inbrenger kiest de formulering die het best past, of maakt een eigen.",
          en: "Everyone states in one sentence what they think the real problem is. The case bringer picks the wording that fits best, or makes their own.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Oplossingen bedenken", en: "Generating solutions" },
        what: {
          nl: "Een brainstorm zonder oordeel: zoveel mogelijk mogelijkheden, ook ongewone. De inbrenger schrijft mee en reageert nog niet.",
          en: "A brainstorm without judgement: as many options as possible, unusual ones too. The case bringer writes along and does not respond yet.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Wegen en kiezen", en: "Weighing and choosing" },
        what: {
          nl: "De inbrenger zegt welke oplossingen aanspreken en waarom, weegt voor- en nadelen met de groep, en kiest.",
          en: "The case bringer says which solutions appeal and why, weighs pros and cons with the group, and chooses.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Eerste stap afspreken", en: "Agreeing on a first step" },
        what: {
          nl: "De inbrenger maakt de keuze concreet: wat doe ik, met wie, wanneer? Leg het vast als vervolgactie.",
          en: "The case bringer makes the choice concrete: what will I do, with whom, by when? Record it as a follow-up action.",
        },
        minutes: 10,
      },
      evaluation,
    ],
  }),
  method({
    slug: "socratisch-gesprek",
    name: { nl: "Socratisch gesprek", en: "Socratic dialogue" },
    purpose: {
      nl: "Samen onderzoeken wat een groot woord als vertrouwen, gelijkwaardigheid of eigenaarschap in de praktijk betekent, aan de hand van één echt voorbeeld. Vertragen, precies luisteren en zoeken naar wat de groep met elkaar kan onderschrijven.",
      en: "Together, examining what a big word such as trust, equality or ownership means in practice, through one real example. Slowing down, listening closely and looking for what the group can agree on.",
    },
    fitsWhen: {
      nl: "Een vraag over een groot woord dat iedereen anders invult: wat verstaan we onder vertrouwen, gelijkwaardigheid of eigenaarschap?",
      en: "A question about a big word everyone fills in differently: what do we mean by trust, equality or ownership?",
    },
    roles: roleList(
      roles.facilitator,
      {
        nl: "Inbrenger — geeft het voorbeeld uit eigen ervaring waar het gesprek om draait",
        en: "Case bringer (inbrenger) — gives the example from their own experience that the dialogue turns on",
      },
      roles.timekeeper,
      roles.participants,
    ),
    phases: [
      {
        name: { nl: "Opening en vraag", en: "Opening and question" },
        what: {
          nl: "De gespreksleider herhaalt de afspraken over vertrouwelijkheid en stelt een algemene vraag voor, bijvoorbeeld: wanneer vertrouw je een partner? De groep scherpt de vraag samen aan.",
          en: "The facilitator repeats the agreements on confidentiality and proposes a general question, for example: when do you trust a partner? The group sharpens the question together.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Voorbeelden verzamelen", en: "Collecting examples" },
        what: {
          nl: "Deelnemers noemen kort een eigen, beleefd voorbeeld bij de vraag. De groep kiest er één; wiens voorbeeld het is, wordt de inbrenger.",
          en: "Participants briefly name an example they lived through that fits the question. The group chooses one; its owner becomes the case bringer.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Het voorbeeld uitdiepen", en: "Exploring the example" },
        what: {
          nl: "De inbrenger vertelt het voorbeeld uitgebreid; de groep vraagt door tot iedereen het zich goed kan voorstellen.",
          en: "The case bringer tells the example in detail; the group asks until everyone can picture it well.",
        },
        minutes: 15,
      },
      {
        name: { nl: "Het kernmoment", en: "The key moment" },
        what: {
          nl: "De groep wijst het moment in het voorbeeld aan waar het om draait. Ieder formuleert wat daar volgens hem of haar gebeurde, in één uitspraak.",
          en: "The group points out the moment in the example that matters. Each person states in one sentence what they think happened there.",
        },
        minutes: 20,
      },
      {
        name: { nl: "Onderzoeken en onderbouwen", en: "Examining the reasons" },
        what: {
          nl: "De uitspraken worden naast elkaar gelegd en bevraagd: waarom denk je dat, wat bedoel je precies? De groep zoekt naar een uitspraak die iedereen kan onderschrijven.",
          en: "The statements are laid side by side and questioned: why do you think so, what exactly do you mean? The group looks for a statement everyone can endorse.",
        },
        minutes: 25,
      },
      {
        name: { nl: "Terug naar de vraag", en: "Back to the question" },
        what: {
          nl: "Wat zegt dit ene voorbeeld over de algemene vraag? Ieder noemt wat hij of zij meeneemt naar de eigen praktijk.",
          en: "What does this one example say about the general question? Everyone names what they take back to their own practice.",
        },
        minutes: 10,
      },
      {
        name: { nl: "Terugblik op het gesprek", en: "Looking back on the dialogue" },
        what: {
          nl: "Een kort gesprek over het gesprek zelf: hoe gingen we met elkaar om, waar liep het vast, waar kwam het op gang?",
          en: "A short conversation about the dialogue itself: how did we treat each other, where did it get stuck, where did it take off?",
        },
        minutes: 10,
      },
      evaluation,
    ],
  }),
];

export function methodBySlug(slug: string): IntervisionMethod | undefined {
  return intervisionMethods.find((candidate) => candidate.slug === slug);
}
