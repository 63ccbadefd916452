import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { stepMeeting, unapprovedIds } from "./helpers/meetingSteps";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { connectClient, typeInto, waitSynced } from "./helpers/yClient";

describe("exports and publication", () => {
  let server: TestServer;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("exports PDF, DOCX and HTML for members; readers only get the public version", async () => {
    const pdf = await secretariat.request(
      "GET",
      `/api/meetings/${DEMO_MEETING_ID}/export.pdf?kind=referat`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    // Sent as it is: its length stated, and no ETag (which would hash the file on the event loop).
    expect(pdf.headers.get("content-length")).toBe(String(pdfBytes.byteLength));
    expect(pdf.headers.get("etag")).toBeNull();
    expect(pdf.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?referat-03-09-2025\.pdf/,
    );
    const docx = await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.docx`);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const html = await (
      await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.html`)
    ).text();
    expect(html).toContain('lang="da"');
    expect(html).toContain("SAG-2025-03188");
    expect(
      (await secretariat.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.exe`)).status,
    ).toBe(404);
    const delreferat = await secretariat.request("GET", "/api/items/demo-2-1/delreferat.pdf");
    expect(delreferat.status).toBe(200);
    expect(delreferat.headers.get("etag")).toBeNull();
    expect(Number(delreferat.headers.get("content-length"))).toBe(
      (await delreferat.arrayBuffer()).byteLength,
    );
    const reader = await login(server.url, "laeser@demo.dk");
    expect(
      (await reader.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.pdf`)).status,
    ).toBe(404);
  });

  it("publishes only after the agenda is sent out and every personal-data finding is fixed or accepted", async () => {
    const early = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/publish`, {
      kind: "dagsorden",
    });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: "not_ready_to_publish" });

    // Close one item, and plant personal data in another item's text.
    await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "updateItem",
      itemId: "demo-2-3",
      closed: true,
    });
    const writer = connectClient(
      server.url,
      "item:demo-2-1",
      await secretariat.syncToken("item:demo-2-1"),
    );
    await waitSynced(writer);
    typeInto(writer.doc, "baggrund", " Kontakt borgeren på 0101901234 eller borger@example.dk.");
    await writer.save();
    writer.destroy();
    expect((await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda")).status).toBe(200);
    const confirmUnapprovedItems = await unapprovedIds(secretariat, DEMO_MEETING_ID);

    const chair = await login(server.url, "formand@demo.dk");
    expect(
      (
        await chair.request("POST", `/api/meetings/${DEMO_MEETING_ID}/publish`, {
          kind: "dagsorden",
        })
      ).status,
    ).toBe(403);

    const blocked = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/publish`, {
      kind: "dagsorden",
      confirmUnapprovedItems,
    });
    expect(blocked.status).toBe(409);
    const { details } = (await blocked.json()) as {
      details: { findings: { key: string; kind: string; itemId: string; field: string }[] };
    };
    const planted = details.findings.filter(
      (f) => f.itemId === "demo-2-1" && f.field === "baggrund",
    );
    expect(planted.map((f) => f.kind).sort()).toEqual(["cpr", "email"]);
    expect(await server.store.publications.listPublications(DEMO_COMMITTEE_ID)).toEqual([]);

    // Each finding is accepted on its own, stored and audited at once; publishing uses them.
    for (const finding of details.findings) {
      const accepted = await secretariat.request(
        "POST",
        `/api/meetings/${DEMO_MEETING_ID}/personal-data/acceptances`,
        { kind: "dagsorden", key: finding.key },
      );
      expect(accepted.status).toBe(201);
    }
    const published = await secretariat.request(
      "POST",
      `/api/meetings/${DEMO_MEETING_ID}/publish`,
      { kind: "dagsorden", confirmUnapprovedItems },
    );
    expect(published.status).toBe(200);
    const { publication } = (await published.json()) as { publication: { id: string } };

    // Public, without login.
    const list = await (await fetch(`${server.url}/offentlig/${DEMO_COMMITTEE_ID}`)).text();
    expect(list).toContain(`/offentlig/dokumenter/${publication.id}`);
    const document = await (
      await fetch(`${server.url}/offentlig/dokumenter/${publication.id}`)
    ).text();
    expect(document).toContain("Temadrøftelse om sundhedsreformen");
    // The closed item's title stays, its body does not.
    expect(document).toContain("Det fælleskommunale sundhedssekretariats regnskab");
    expect(document).not.toContain(
      "Fælleskommunalt Sundhedssekretariat har udarbejdet et årsregnskab",
    );
    const internal = await (
      await secretariat.request(
        "GET",
        `/api/meetings/${DEMO_MEETING_ID}/export.html?variant=internal`,
      )
    ).text();
    expect(internal).toContain("Fælleskommunalt Sundhedssekretariat har udarbejdet et årsregnskab");
    const pdf = await fetch(`${server.url}/offentlig/dokumenter/${publication.id}.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");

    // A reader in the app gets what the public gets: the closed item's title, not its text.
    const reader = await login(server.url, "laeser@demo.dk");
    const forReader = (await (
      await reader.request("GET", `/api/meetings/${DEMO_MEETING_ID}/document`)
    ).json()) as {
      bodies: Record<string, unknown>;
    };
    expect(forReader.bodies["demo-2-1"]).toBeDefined();
    expect(forReader.bodies["demo-2-3"]).toBeUndefined();

    // Republishing makes a new document; the earlier one stays at its address, marked replaced.
    const again = await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/publish`, {
      kind: "dagsorden",
      confirmUnapprovedItems,
    });
    const republished = ((await again.json()) as { publication: { id: string } }).publication;
    expect(republished.id).not.toBe(publication.id);
    const all = await server.store.publications.listPublications(DEMO_COMMITTEE_ID);
    expect(all.map((p) => [p.id, p.replacedBy])).toEqual([
      [republished.id, null],
      [publication.id, republished.id],
    ]);
    const earlier = await (
      await fetch(`${server.url}/offentlig/dokumenter/${publication.id}`)
    ).text();
    expect(earlier).toContain("Erstattet af");
    expect(earlier).toContain(`/offentlig/dokumenter/${republished.id}`);
    const audit = await server.store.audit.listAudit({ meetingId: DEMO_MEETING_ID });
    expect(audit.filter((e) => e.action === "meeting.publish")).toHaveLength(2);
    expect(
      audit.filter((e) => e.action === "publication.accept_finding").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("answers unknown public documents with 404", async () => {
    expect((await fetch(`${server.url}/offentlig/dokumenter/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/offentlig/ukendt-udvalg`)).status).toBe(404);
  });
});
