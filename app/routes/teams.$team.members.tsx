import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser, notFound } from "~/auth/permissions.server";
import { inviteSchema, removeSchema, roleSchema, withdrawSchema } from "~/domain/coalitions/member-forms";
import {
  changeMemberRole,
  inviteToTeam,
  listOpenInvitations,
  listTeamMembersForFacilitator,
  removeMember,
  withdrawInvitation,
} from "~/domain/coalitions/members.server";
import { INVITATION_DAYS } from "~/domain/accounts/invitations.server";
import { FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { InviteForm, OpenInvitations } from "~/ui/members/Invitations";
import { InactiveMembers, MemberTable } from "~/ui/members/MemberTable";
import type { MessageKey } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const [members, invitations] = await Promise.all([
    listTeamMembersForFacilitator(user, team),
    listOpenInvitations(user, team),
  ]);
  return json({ team, members, invitations, me: user.id, invitationDays: INVITATION_DAYS });
}

type Reply =
  | { intent: "invite"; result: SubmissionResult<string[]> }
  | { intent: "role" | "remove"; membershipId: string; result: SubmissionResult<string[]> };

async function backWith(path: string, message: MessageKey) {
  return redirect(path, { headers: { "Set-Cookie": await setFlash(message) } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const here = `/teams/${team.slug}/members`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await inviteToTeam(user, team, submission.value, request);
    if (!outcome.ok) {
      return json<Reply>(
        { intent, result: submission.reply({ fieldErrors: { [outcome.field ?? "email"]: [outcome.message] } }) },
        { status: 400 },
      );
    }
    return backWith(here, "members.flash.invited");
  }

  if (intent === "withdraw") {
    const submission = parseWithZod(formData, { schema: withdrawSchema });
    if (submission.status !== "success") throw notFound();
    await withdrawInvitation(user, team, submission.value.invitationId);
    return backWith(here, "members.flash.withdrawn");
  }

  if (intent === "role") {
    const submission = parseWithZod(formData, { schema: roleSchema });
    const membershipId = String(formData.get("membershipId") ?? "");
    if (submission.status !== "success") {
      return json<Reply>({ intent, membershipId, result: submission.reply() }, { status: 400 });
    }
    const outcome = await changeMemberRole(user, team, membershipId, submission.value.role);
    if (!outcome.ok) {
      return json<Reply>(
        { intent, membershipId, result: submission.reply({ fieldErrors: { role: [outcome.message] } }) },
        { status: 400 },
      );
    }
    // Someone who is no longer a facilitator may not see this page any more.
    if (outcome.self && submission.value.role === "member") return backWith(`/teams/${team.slug}`, "members.flash.selfDemoted");
    return backWith(here, "members.flash.roleChanged");
  }

  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeSchema });
    if (submission.status !== "success") throw notFound();
    const { membershipId } = submission.value;
    const outcome = await removeMember(user, team, membershipId);
    if (!outcome.ok) {
      return json<Reply>({ intent, membershipId, result: submission.reply({ formErrors: [outcome.message] }) }, { status: 400 });
    }
    if (outcome.self) return backWith("/teams", "members.flash.selfRemoved");
    return backWith(here, "members.flash.removed");
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function Members() {
  const t = useT();
  const { team, members, invitations, me, invitationDays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const removeRefusal = reply?.intent === "remove" ? (reply.result.error?.[""] ?? undefined) : undefined;
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{t("members.back", { team: team.name })}</Link>
      </p>
      <h1>{t("members.title")}</h1>
      <p className="lead">{t("members.intro", { team: team.name })}</p>

      <h2 id="members-heading">{t("members.list")}</h2>
      <FormErrors errors={removeRefusal} />
      <MemberTable members={members} me={me} labelledBy="members-heading" roleReply={reply?.intent === "role" ? reply : undefined} />
      <InactiveMembers members={members} me={me} />
      <InviteForm days={invitationDays} lastResult={reply?.intent === "invite" ? reply.result : undefined} />
      <OpenInvitations invitations={invitations} />
    </section>
  );
}
