import { describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as membersRoute from "../../app/routes/teams.$team.members";
import { browserRequest, callRoute, createCoalition, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";

type Team = Awaited<ReturnType<typeof createCoalition>>;
type Person = { id: string; email: string };

/** Team A with a facilitator and a member, team B with its own facilitator, a funder and an admin. */
async function programme() {
  const teamA = await createCoalition();
  const teamB = await createCoalition();
  const facilitator = await createPerson({ team: teamA, role: "facilitator" });
  const member = await createPerson({ team: teamA, role: "member", perspective: "volunteer" });
  const otherFacilitator = await createPerson({ team: teamB, role: "facilitator" });
  const funder = await createPerson({ accountRole: "funder" });
  const admin = await createPerson({ accountRole: "admin" });
  return { teamA, teamB, facilitator, member, otherFacilitator, funder, admin };
}

async function membershipOf(person: { id: string }, team: { id: string }) {
  return db()
    .selectFrom("membership")
    .where("person_id", "=", person.id)
    .where("coalition_id", "=", team.id)
    .selectAll()
    .executeTakeFirst();
}

async function openPage(actor: Person, team: Team) {
  return callRoute(membersRoute.loader, {
    request: browserRequest(`/teams/${team.slug}/members`, { cookie: await sessionFor(actor) }),
    params: { team: team.slug },
  });
}

async function post(actor: Person, team: Team, form: Record<string, string>) {
  return callRoute(membersRoute.action, {
    request: browserRequest(`/teams/${team.slug}/members`, { cookie: await sessionFor(actor), form }),
    params: { team: team.slug },
  });
}

async function openInvitation(team: Team, invitedBy: Person, email = `${unique("uitgenodigd")}@test.example`) {
  const response = await post(invitedBy, team, { intent: "invite", email, role: "member" });
  expect(response.status).toBe(302);
  return db()
    .selectFrom("invitation")
    .where("email", "=", email)
    .where("revoked_at", "is", null)
    .selectAll()
    .executeTakeFirstOrThrow();
}

function auditOf(kind: string, subject: { id: string }) {
  return db()
    .selectFrom("audit_event")
    .where("kind", "=", kind)
    .where("subject_id", "=", subject.id)
    .selectAll()
    .execute();
}

describe("the members page", () => {
  it("shows a facilitator the members with e-mail, role, perspective and organisation, and the open invitations", async () => {
    const { teamA, facilitator, member } = await programme();
    await db().updateTable("membership").set({ organisation_id: teamA.organisationId }).where("person_id", "=", member.id).execute();
    const invitation = await openInvitation(teamA, facilitator);

    const response = await openPage(facilitator, teamA);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: facilitator.id, email: facilitator.email, role: "facilitator" }),
        expect.objectContaining({
          personId: member.id,
          email: member.email,
          role: "member",
          perspective: "volunteer",
          organisation: `Welzijn ${teamA.slug}`,
        }),
      ]),
    );
    expect(data.members).toHaveLength(2);
    expect(data.invitations).toEqual([expect.objectContaining({ id: invitation.id, email: invitation.email, role: "member" })]);
  });

  it("is not found for a member, a facilitator of another coalition, the funder and the admin", async () => {
    const { teamA, member, otherFacilitator, funder, admin } = await programme();
    for (const actor of [member, otherFacilitator, funder, admin]) {
      expect((await openPage(actor, teamA)).status).toBe(404);
      expect((await post(actor, teamA, { intent: "invite", email: "x@test.example", role: "member" })).status).toBe(404);
    }
    expect(await lastMailTo("x@test.example")).toBeUndefined();
  });

  it("sends a visitor who is not logged in to the login page", async () => {
    const { teamA } = await programme();
    const response = await callRoute(membersRoute.loader, {
      request: browserRequest(`/teams/${teamA.slug}/members`),
      params: { team: teamA.slug },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("inviting", () => {
  it("answers a bad e-mail address or role with a field error and sends nothing", async () => {
    const { teamA, facilitator } = await programme();
    const badEmail = await post(facilitator, teamA, { intent: "invite", email: "geen-adres", role: "member" });
    expect(badEmail.status).toBe(400);
    expect((await badEmail.json()).result.error.email).toContain("error.email");
    const badRole = await post(facilitator, teamA, { intent: "invite", email: "goed@test.example", role: "admin" });
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).result.error.role).toContain("error.choose");
    expect(await lastMailTo("goed@test.example")).toBeUndefined();
    expect(await db().selectFrom("invitation").where("coalition_id", "=", teamA.id).selectAll().execute()).toEqual([]);
  });

  it("refuses someone who already takes part in the coalition", async () => {
    const { teamA, facilitator, member } = await programme();
    const response = await post(facilitator, teamA, { intent: "invite", email: member.email, role: "facilitator" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.email).toContain("members.invite.alreadyMember");
  });

  it("inviting the same address again replaces the earlier invitation", async () => {
    const { teamA, facilitator } = await programme();
    const email = `${unique("opnieuw")}@test.example`;
    const first = await openInvitation(teamA, facilitator, email);
    const second = await openInvitation(teamA, facilitator, email);
    expect(second.id).not.toBe(first.id);
    const earlier = await db().selectFrom("invitation").where("id", "=", first.id).selectAll().executeTakeFirstOrThrow();
    expect(earlier.revoked_at).not.toBeNull();
  });
});

describe("withdrawing an invitation", () => {
  it("works for a facilitator of the coalition", async () => {
    const { teamA, facilitator } = await programme();
    const invitation = await openInvitation(teamA, facilitator);
    const response = await post(facilitator, teamA, { intent: "withdraw", invitationId: invitation.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${teamA.slug}/members`);
    const after = await db().selectFrom("invitation").where("id", "=", invitation.id).selectAll().executeTakeFirstOrThrow();
    expect(after.revoked_at).not.toBeNull();
    expect((await (await openPage(facilitator, teamA)).json()).invitations).toEqual([]);
  });

  it("gives 404 for another coalition's invitation, and for anyone but this coalition's facilitators", async () => {
    const { teamA, teamB, facilitator, member, otherFacilitator, funder, admin } = await programme();
    const invitationA = await openInvitation(teamA, facilitator);
    const invitationB = await openInvitation(teamB, otherFacilitator);

    // A facilitator of A cannot withdraw B's invitation through A's page.
    expect((await post(facilitator, teamA, { intent: "withdraw", invitationId: invitationB.id })).status).toBe(404);
    for (const actor of [member, otherFacilitator, funder, admin]) {
      expect((await post(actor, teamA, { intent: "withdraw", invitationId: invitationA.id })).status).toBe(404);
    }
    expect((await post(facilitator, teamA, { intent: "withdraw", invitationId: "geen-uuid" })).status).toBe(404);

    const open = await db()
      .selectFrom("invitation")
      .where("id", "in", [invitationA.id, invitationB.id])
      .where("revoked_at", "is", null)
      .select("id")
      .execute();
    expect(open).toHaveLength(2);
  });
});

describe("changing a member's role", () => {
  it("makes a member a facilitator and back, recorded in the audit log with the coalition", async () => {
    const { teamA, facilitator, member } = await programme();
    const membership = (await membershipOf(member, teamA))!;

    const promote = await post(facilitator, teamA, { intent: "role", membershipId: membership.id, role: "facilitator" });
    expect(promote.status).toBe(302);
    expect((await membershipOf(member, teamA))!.role).toBe("facilitator");

    const demote = await post(facilitator, teamA, { intent: "role", membershipId: membership.id, role: "member" });
    expect(demote.status).toBe(302);
    expect((await membershipOf(member, teamA))!.role).toBe("member");

    const audit = await auditOf("role_change", member);
    expect(audit).toHaveLength(2);
    expect(audit.every((e) => e.coalition_id === teamA.id && e.actor_id === facilitator.id)).toBe(true);
    expect(audit.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "member", to: "facilitator" }),
        expect.objectContaining({ from: "facilitator", to: "member" }),
      ]),
    );
  });

  it("answers an unknown role with a field error and saves nothing", async () => {
    const { teamA, facilitator, member } = await programme();
    const membership = (await membershipOf(member, teamA))!;
    const response = await post(facilitator, teamA, { intent: "role", membershipId: membership.id, role: "admin" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.role).toContain("error.choose");
    expect((await membershipOf(member, teamA))!.role).toBe("member");
  });

  it("is refused (404) for a member, a facilitator of another coalition, the funder and the admin", async () => {
    const { teamA, facilitator, member, otherFacilitator, funder, admin } = await programme();
    const membership = (await membershipOf(member, teamA))!;
    const facilitatorMembership = (await membershipOf(facilitator, teamA))!;
    for (const actor of [member, otherFacilitator, funder, admin]) {
      expect((await post(actor, teamA, { intent: "role", membershipId: membership.id, role: "facilitator" })).status).toBe(404);
      expect(
        (await post(actor, teamA, { intent: "role", membershipId: facilitatorMembership.id, role: "member" })).status,
      ).toBe(404);
    }
    expect((await membershipOf(member, teamA))!.role).toBe("member");
    expect((await membershipOf(facilitator, teamA))!.role).toBe("facilitator");
    expect(await auditOf("role_change", member)).toEqual([]);
  });

  it("gives 404 for a membership of another coalition, even to a facilitator of this one", async () => {
    const { teamA, teamB, facilitator, otherFacilitator } = await programme();
    const memberOfB = await createPerson({ team: teamB });
    const membershipB = (await membershipOf(memberOfB, teamB))!;
    expect((await post(facilitator, teamA, { intent: "role", membershipId: membershipB.id, role: "facilitator" })).status).toBe(404);
    expect((await post(facilitator, teamA, { intent: "role", membershipId: "geen-uuid", role: "facilitator" })).status).toBe(404);
    // and through B's own page a facilitator of A is not let in at all
    expect((await post(facilitator, teamB, { intent: "role", membershipId: membershipB.id, role: "facilitator" })).status).toBe(404);
    expect((await membershipOf(memberOfB, teamB))!.role).toBe("member");
    expect((await membershipOf(otherFacilitator, teamB))!.role).toBe("facilitator");
  });
});

describe("removing a member", () => {
  it("deletes the membership (the account stays) and records it in the audit log with the coalition", async () => {
    const { teamA, facilitator, member } = await programme();
    const membership = (await membershipOf(member, teamA))!;
    const response = await post(facilitator, teamA, { intent: "remove", membershipId: membership.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${teamA.slug}/members`);
    expect(await membershipOf(member, teamA)).toBeUndefined();
    expect(await db().selectFrom("person").where("id", "=", member.id).select("id").executeTakeFirst()).toBeDefined();
    const [event] = await auditOf("member_removed", member);
    expect(event).toMatchObject({ coalition_id: teamA.id, actor_id: facilitator.id });
  });

  it("is refused (404) for a member, a facilitator of another coalition, the funder and the admin", async () => {
    const { teamA, facilitator, member, otherFacilitator, funder, admin } = await programme();
    const membership = (await membershipOf(member, teamA))!;
    const facilitatorMembership = (await membershipOf(facilitator, teamA))!;
    for (const actor of [member, otherFacilitator, funder, admin]) {
      expect((await post(actor, teamA, { intent: "remove", membershipId: membership.id })).status).toBe(404);
      expect((await post(actor, teamA, { intent: "remove", membershipId: facilitatorMembership.id })).status).toBe(404);
    }
    expect(await membershipOf(member, teamA)).toBeDefined();
    expect(await membershipOf(facilitator, teamA)).toBeDefined();
  });

  it("gives 404 for a membership of another coalition", async () => {
    const { teamA, teamB, facilitator, otherFacilitator } = await programme();
    const membershipB = (await membershipOf(otherFacilitator, teamB))!;
    expect((await post(facilitator, teamA, { intent: "remove", membershipId: membershipB.id })).status).toBe(404);
    expect(await membershipOf(otherFacilitator, teamB)).toBeDefined();
  });
});

describe("the last facilitator", () => {
  it("cannot demote or remove themselves, and is told why", async () => {
    const { teamA, facilitator } = await programme();
    const own = (await membershipOf(facilitator, teamA))!;

    const demote = await post(facilitator, teamA, { intent: "role", membershipId: own.id, role: "member" });
    expect(demote.status).toBe(400);
    expect((await demote.json()).result.error.role).toContain("members.lastFacilitator.demote");

    const remove = await post(facilitator, teamA, { intent: "remove", membershipId: own.id });
    expect(remove.status).toBe(400);
    expect((await remove.json()).result.error[""]).toContain("members.lastFacilitator.remove");

    expect((await membershipOf(facilitator, teamA))!.role).toBe("facilitator");
    expect(await auditOf("role_change", facilitator)).toEqual([]);
    expect(await auditOf("member_removed", facilitator)).toEqual([]);
  });

  it("a deactivated second facilitator does not count", async () => {
    const { teamA, facilitator } = await programme();
    const gone = await createPerson({ team: teamA, role: "facilitator" });
    await db().updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", gone.id).execute();
    const own = (await membershipOf(facilitator, teamA))!;
    expect((await post(facilitator, teamA, { intent: "role", membershipId: own.id, role: "member" })).status).toBe(400);
    // ... but the deactivated one can be removed by the active one
    const theirs = (await membershipOf(gone, teamA))!;
    expect((await post(facilitator, teamA, { intent: "remove", membershipId: theirs.id })).status).toBe(302);
  });

  it("can step down once someone else is facilitator, and then no longer manages the members", async () => {
    const { teamA, facilitator, member } = await programme();
    const memberMembership = (await membershipOf(member, teamA))!;
    expect((await post(facilitator, teamA, { intent: "role", membershipId: memberMembership.id, role: "facilitator" })).status).toBe(302);

    const own = (await membershipOf(facilitator, teamA))!;
    const stepDown = await post(facilitator, teamA, { intent: "role", membershipId: own.id, role: "member" });
    expect(stepDown.status).toBe(302);
    expect(stepDown.headers.get("Location")).toBe(`/teams/${teamA.slug}`);
    expect((await membershipOf(facilitator, teamA))!.role).toBe("member");
    expect((await openPage(facilitator, teamA)).status).toBe(404);

    // the new last facilitator is held to the same rule
    const demoteLast = await post(member, teamA, { intent: "role", membershipId: memberMembership.id, role: "member" });
    expect(demoteLast.status).toBe(400);
  });

  it("a facilitator who is not the last may leave the coalition", async () => {
    const { teamA, facilitator } = await programme();
    await createPerson({ team: teamA, role: "facilitator" });
    const own = (await membershipOf(facilitator, teamA))!;
    const response = await post(facilitator, teamA, { intent: "remove", membershipId: own.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/teams");
    expect(await membershipOf(facilitator, teamA)).toBeUndefined();
  });
});

describe("an unknown intent", () => {
  it("is a bad request that changes nothing", async () => {
    const { teamA, facilitator } = await programme();
    expect((await post(facilitator, teamA, { intent: "delete-everything" })).status).toBe(400);
  });
});
