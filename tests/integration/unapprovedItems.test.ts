/**
 * Sending the agenda out, or publishing, while items are not Godkendt is a decision (issue #12):
 * the server answers 409 with the list of such items until the request confirms every one of
 * them by id; then it is done, and the audit log keeps the list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { acceptAllFindings, unapprovedIds } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const M = DEMO_MEETING_ID;
/** Item 1.1, "Godkendelse af referat", approved through the workflow below. */
const APPROVED = "demo-1-1";

interface Refusal {
  error: string;
  message: string;
  details: { items: { id: string; number: string; title: string; status: string }[] };
}

describe("items not Godkendt when sending out and publishing", () => {
  let server: TestServer;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    // One item goes all the way through the workflow, so the list is not simply "all of them".
    const director = await login(server.url, "direktoer@demo.dk");
    const chair = await login(server.url, "formand@demo.dk");
    for (const [who, transition] of [
      [secretariat, "sendToReview"],
      [director, "signOff"],
      [chair, "approve"],
    ] as const) {
      const res = await who.request("POST", `/api/items/${APPROVED}/transitions`, { transition });
      expect(res.status, transition).toBe(200);
    }
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("refuses to send the agenda out until every item not Godkendt is confirmed, then audits the list", async () => {
    const ids = await unapprovedIds(secretariat, M);
    expect(ids).not.toContain(APPROVED);
    expect(ids.length).toBeGreaterThan(5);

    const phase = async () =>
      (
        (await (await secretariat.request("GET", `/api/meetings/${M}`)).json()) as {
          meeting: { phase: string };
        }
      ).meeting.phase;
    const send = (body: Record<string, unknown>) =>
      secretariat.request("POST", `/api/meetings/${M}/phase`, { step: "sendAgenda", ...body });

    for (const body of [{}, { confirmUnapprovedItems: ids.slice(1) }]) {
      const refused = await send(body);
      expect(refused.status).toBe(409);
      const answer = (await refused.json()) as Refusal;
      expect(answer.error).toBe("unapproved_items");
      expect(answer.message).toContain("ikke godkendt");
      expect(answer.details.items.map((item) => item.id)).toEqual(ids);
      expect(answer.details.items[0]).toMatchObject({ number: "2.1", status: "kladde" });
      expect(answer.details.items[0]!.title.length).toBeGreaterThan(0);
      expect(await phase()).toBe("forberedelse");
    }

    expect((await send({ confirmUnapprovedItems: ids })).status).toBe(200);
    expect(await phase()).toBe("dagsorden_udsendt");
    const audit = await server.store.audit.listAudit({ meetingId: M });
    const sent = audit.find((e) => e.action === "meeting.sendAgenda")!;
    const listed = sent.details["unapprovedItems"] as { number: string; title: string }[];
    expect(listed).toHaveLength(ids.length);
    expect(listed[0]).toEqual({ number: "2.1", title: expect.any(String), status: "kladde" });
  });

  it("refuses to publish until every item not Godkendt is confirmed; the publication's audit entry keeps the list", async () => {
    await acceptAllFindings(secretariat, M, "dagsorden");
    const ids = await unapprovedIds(secretariat, M);
    const refused = await secretariat.request("POST", `/api/meetings/${M}/publish`, {
      kind: "dagsorden",
    });
    expect(refused.status).toBe(409);
    const answer = (await refused.json()) as Refusal;
    expect(answer.error).toBe("unapproved_items");
    expect(answer.details.items.map((item) => item.id)).toEqual(ids);
    expect(await server.store.publications.listMeetingPublications(M)).toEqual([]);

    const published = await secretariat.request("POST", `/api/meetings/${M}/publish`, {
      kind: "dagsorden",
      confirmUnapprovedItems: ids,
    });
    expect(published.status).toBe(200);
    const { publication } = (await published.json()) as {
      publication: { id: string; recordHash: string; sources: { items: Record<string, string> } };
    };
    // The publication names the versions it was made from; they are in each item's history.
    expect(Object.keys(publication.sources.items)).toContain(APPROVED);
    const history = (await (
      await secretariat.request("GET", `/api/items/${APPROVED}/versions`)
    ).json()) as { versions: { id: string; name: string }[] };
    expect(history.versions.map((v) => v.id)).toContain(publication.sources.items[APPROVED]);

    const audit = await server.store.audit.listAudit({ meetingId: M });
    const entry = audit.find((e) => e.action === "meeting.publish")!;
    expect(entry.details).toMatchObject({
      publicationId: publication.id,
      kind: "dagsorden",
      title: "Dagsorden: Møde i KKR Syddanmark",
      recordHash: publication.recordHash,
    });
    expect(entry.details["unapprovedItems"]).toHaveLength(ids.length);
  });
});
