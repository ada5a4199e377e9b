// The agreement's e-mails. To a member: "u"; to someone without an account, with their signing link: "je".
export const agreementMail = {
  "agreementMail.member.subject": "Ondertekenen: samenwerkingsovereenkomst {team}",
  "agreementMail.member.body":
    "Beste {name},\n\n{inviter} vraagt u om versie {number} van de samenwerkingsovereenkomst van {team} te ondertekenen namens {organisation}. U leest de tekst en ondertekent op deze pagina:\n\n{link}",
  "agreementMail.link.subject": "Ondertekenen: samenwerkingsovereenkomst {team}",
  "agreementMail.link.body":
    "Hallo {name},\n\n{inviter} vraagt je om versie {number} van de samenwerkingsovereenkomst van {team} te ondertekenen namens {organisation}. Via deze link, die alleen voor jou is, lees je de hele tekst en onderteken je, zonder account:\n\n{link}\n\nDe link werkt tot {until} en één keer. Deel hem niet met anderen.",
  "agreementMail.review.subject": "Evaluatie: samenwerkingsovereenkomst {team}",
  "agreementMail.review.body":
    "Beste {name},\n\nVandaag, {date}, wilden jullie de samenwerkingsovereenkomst van {team} opnieuw bekijken. Klopt de tekst nog met hoe jullie samenwerken? Begin zo nodig een herziening:\n\n{link}",
};
