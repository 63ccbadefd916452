import type { TestSession } from "./session";

interface MeetingAnswer {
  meeting: {
    agenda: {
      sections: {
        deleted: boolean;
        items: { id: string; status: string; deleted: boolean }[];
      }[];
    };
  };
}

/** The ids of the live items that are not Godkendt: what a confirmation must name. */
export async function unapprovedIds(session: TestSession, meetingId: string): Promise<string[]> {
  const res = await session.request("GET", `/api/meetings/${meetingId}`);
  if (!res.ok) throw new Error(`meeting ${meetingId}: ${res.status}`);
  const { meeting } = (await res.json()) as MeetingAnswer;
  return meeting.agenda.sections
    .filter((section) => !section.deleted)
    .flatMap((section) => section.items)
    .filter((item) => !item.deleted && item.status !== "godkendt")
    .map((item) => item.id);
}

/** A phase step; `sendAgenda` confirms every item not Godkendt, as the dialog does. */
export async function stepMeeting(
  session: TestSession,
  meetingId: string,
  step: string,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  const confirm =
    step === "sendAgenda"
      ? { confirmUnapprovedItems: await unapprovedIds(session, meetingId) }
      : {};
  return session.request("POST", `/api/meetings/${meetingId}/phase`, {
    step,
    ...confirm,
    ...extra,
  });
}

interface CheckAnswer {
  findings: { key: string; acceptance: unknown }[];
  unchecked: { key: string; acceptance: unknown }[];
}

/** Accepts every open personal-data finding and unreadable bilag of the kind. */
export async function acceptAllFindings(
  session: TestSession,
  meetingId: string,
  kind: "dagsorden" | "referat",
): Promise<string[]> {
  const check = (await (
    await session.request("GET", `/api/meetings/${meetingId}/personal-data?kind=${kind}`)
  ).json()) as CheckAnswer;
  const open = [...check.findings, ...check.unchecked].filter((f) => f.acceptance === null);
  for (const { key } of open) {
    const res = await session.request(
      "POST",
      `/api/meetings/${meetingId}/personal-data/acceptances`,
      { kind, key },
    );
    if (res.status !== 201) throw new Error(`accept ${key}: ${res.status} ${await res.text()}`);
  }
  return open.map((f) => f.key);
}

/** Publishes, accepting every finding and confirming every item not Godkendt first. */
export async function publishAccepting(
  session: TestSession,
  meetingId: string,
  kind: "dagsorden" | "referat",
): Promise<Response> {
  await acceptAllFindings(session, meetingId, kind);
  return session.request("POST", `/api/meetings/${meetingId}/publish`, {
    kind,
    confirmUnapprovedItems: await unapprovedIds(session, meetingId),
  });
}
