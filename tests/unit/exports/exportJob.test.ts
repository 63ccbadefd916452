import { describe, expect, it, vi } from "vitest";
import type { ExportJob } from "../../../server/exports/ExportJob";
import { packJob, unpackJob } from "../../../server/exports/ExportJob";
import { fixtureExportInput } from "./fixtureMeeting";

function recordJob(): ExportJob {
  const { document, beslutninger } = fixtureExportInput();
  for (const body of Object.values(document.bodies)) Object.freeze(body);
  return {
    document: "meeting",
    format: "pdf",
    record: { source: { document, beslutninger }, kind: "referat", variant: "internal", now: 1 },
  };
}

describe("an export job crossing to the worker", () => {
  it("carries the item bodies as JSON text, and the worker gets the same job back", () => {
    const job = recordJob();
    const packed = packJob(job);
    if (!("record" in packed)) throw new Error("a record job stays one");
    expect(packed.record.source.document.bodies).toEqual({});
    const ids = Object.keys(fixtureExportInput().document.bodies);
    expect(ids.length).toBeGreaterThan(10);
    expect(Object.keys(packed.bodyTexts ?? {})).toEqual(ids);
    // What the worker receives is a structured clone.
    expect(unpackJob(structuredClone(packed))).toEqual(job);
  });

  it("leaves the job it was given as it was", () => {
    const job = recordJob();
    const before = structuredClone(job);
    packJob(job);
    expect(job).toEqual(before);
  });

  it("packs a publication's finished input too", () => {
    const input = fixtureExportInput();
    const job: ExportJob = { document: "decisionExtract", itemId: "demo-2-1", input };
    const packed = packJob(job);
    expect("input" in packed && packed.input.document.bodies).toEqual({});
    expect(unpackJob(structuredClone(packed))).toEqual(job);
  });

  it("serialises a kept (frozen) body once, however often it is exported", () => {
    const job = recordJob();
    packJob(job);
    const stringify = vi.spyOn(JSON, "stringify");
    packJob(job);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
  });
});
