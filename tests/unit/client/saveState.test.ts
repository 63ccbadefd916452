import { describe, expect, it } from "vitest";
import {
  initialSaveState,
  reduceSaveState,
  saveIndicator,
  saveIndicatorText,
  shouldRequestSave,
  type SaveEvent,
  type SaveState,
} from "../../../client/sync/saveState";

function run(...events: SaveEvent[]): SaveState {
  return events.reduce(reduceSaveState, initialSaveState);
}

const connectedAndSynced: SaveEvent[] = [
  { type: "status", status: "connected" },
  { type: "stateSent", carriesEdits: false },
  { type: "synced", synced: true },
];

describe("saveState", () => {
  it("says connecting before the first connection, and offline once disconnected until connected again", () => {
    expect(saveIndicator(run())).toBe("connecting");
    expect(saveIndicatorText.connecting).toBe("Forbinder …");
    expect(saveIndicator(run({ type: "status", status: "disconnected" }))).toBe("offline");
    const reconnecting = run(
      ...connectedAndSynced,
      { type: "status", status: "disconnected" },
      {
        type: "status",
        status: "connecting",
      },
    );
    expect(saveIndicator(reconnecting)).toBe("offline");
    expect(saveIndicatorText.offline).toBe("Offline – ændringer gemmes lokalt");
  });

  it("stays offline after a lost connection until the server is heard again, not when a socket merely opens", () => {
    const reopened = run(
      ...connectedAndSynced,
      { type: "status", status: "disconnected" },
      { type: "status", status: "connecting" },
      { type: "status", status: "connected" },
    );
    // A network that passes the handshake and then nothing: still offline to the writer.
    expect(saveIndicator(reopened)).toBe("offline");
    expect(saveIndicator(reduceSaveState(reopened, { type: "synced", synced: false }))).toBe(
      "offline",
    );
    expect(saveIndicator(reduceSaveState(reopened, { type: "synced", synced: true }))).toBe(
      "connected",
    );
    // The first connection of a session is still only connecting.
    expect(saveIndicator(run({ type: "status", status: "connected" }))).toBe("connecting");
  });

  it("never says saved once the server has refused updates, and asks for no more saves", () => {
    let state = run(...connectedAndSynced, { type: "localEdit" }, { type: "requestSent", id: 1 });
    state = reduceSaveState(state, { type: "refused", reason: "approved" });
    expect(saveIndicator(state)).toBe("refused");
    expect(saveIndicatorText.refused).toBe("Ikke gemt");
    state = reduceSaveState(state, { type: "saved", id: 1 });
    state = reduceSaveState(state, { type: "localEdit" });
    expect(saveIndicator(state)).toBe("refused");
    expect(shouldRequestSave(state)).toBe(false);
    expect(state.refused).toBe("approved");
  });

  it("says connected once synced when nothing was edited this session", () => {
    expect(saveIndicator(run({ type: "status", status: "connected" }))).toBe("connecting");
    const state = run(...connectedAndSynced);
    expect(saveIndicator(state)).toBe("connected");
    expect(saveIndicatorText[saveIndicator(state)]).toBe("Forbundet");
    expect(shouldRequestSave(state)).toBe(false);
  });

  it("says saving from a local edit until the request after it is answered", () => {
    let state = run(...connectedAndSynced, { type: "localEdit" });
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(state)).toBe(true);
    state = reduceSaveState(state, { type: "requestSent", id: 1 });
    expect(shouldRequestSave(state)).toBe(false);
    expect(saveIndicator(state)).toBe("saving");
    state = reduceSaveState(state, { type: "saved", id: 1 });
    expect(saveIndicator(state)).toBe("saved");
    expect(saveIndicatorText.saved).toBe("Gemt");
  });

  it("keeps saving when an edit follows the answered request", () => {
    const state = run(
      ...connectedAndSynced,
      { type: "localEdit" },
      { type: "requestSent", id: 1 },
      { type: "localEdit" },
      { type: "saved", id: 1 },
    );
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(state)).toBe(true);
  });

  it("confirms earlier requests with a later answer", () => {
    const state = run(
      ...connectedAndSynced,
      { type: "localEdit" },
      { type: "requestSent", id: 1 },
      { type: "localEdit" },
      { type: "requestSent", id: 2 },
      { type: "saved", id: 2 },
    );
    expect(saveIndicator(state)).toBe("saved");
  });

  it("does not count an answer to an earlier request as confirming a later one", () => {
    const state = run(
      ...connectedAndSynced,
      { type: "localEdit" },
      { type: "requestSent", id: 1 },
      { type: "localEdit" },
      { type: "requestSent", id: 2 },
      { type: "saved", id: 1 },
    );
    expect(saveIndicator(state)).toBe("saving");
  });

  it("does not request a save before the server's sync step 2", () => {
    const state = run(
      { type: "status", status: "connected" },
      { type: "localEdit" },
      { type: "stateSent", carriesEdits: false },
    );
    expect(shouldRequestSave(state)).toBe(false);
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(reduceSaveState(state, { type: "synced", synced: true }))).toBe(true);
  });

  it("keeps offline edits unconfirmed until a request after reconnecting is answered", () => {
    let state = run(
      ...connectedAndSynced,
      { type: "status", status: "disconnected" },
      { type: "localEdit" },
      { type: "status", status: "connecting" },
    );
    expect(saveIndicator(state)).toBe("offline");
    expect(shouldRequestSave(state)).toBe(false);
    state = connectedAndSynced.reduce(reduceSaveState, state);
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(state)).toBe(true);
    state = reduceSaveState(state, { type: "requestSent", id: 1 });
    state = reduceSaveState(state, { type: "saved", id: 1 });
    expect(saveIndicator(state)).toBe("saved");
  });

  it("abandons unanswered requests when the connection closes and asks again after it", () => {
    let state = run(
      ...connectedAndSynced,
      { type: "localEdit" },
      { type: "requestSent", id: 1 },
      { type: "status", status: "disconnected" },
    );
    expect(saveIndicator(state)).toBe("offline");
    state = connectedAndSynced.reduce(reduceSaveState, state);
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(state)).toBe(true);
    // A late answer with the old id cannot confirm what must be requested again.
    state = reduceSaveState(state, { type: "saved", id: 1 });
    expect(saveIndicator(state)).toBe("saving");
    state = reduceSaveState(state, { type: "requestSent", id: 2 });
    state = reduceSaveState(state, { type: "saved", id: 2 });
    expect(saveIndicator(state)).toBe("saved");
  });

  it("needs a new request when a step 2 re-sends unconfirmed edits after a request", () => {
    const state = run(
      ...connectedAndSynced,
      { type: "localEdit" },
      { type: "requestSent", id: 1 },
      { type: "stateSent", carriesEdits: false },
    );
    expect(shouldRequestSave(state)).toBe(true);
  });

  it("treats edits from an earlier session that the server lacked as this session's edits", () => {
    const state = run(
      { type: "status", status: "connected" },
      { type: "stateSent", carriesEdits: true },
      { type: "synced", synced: true },
    );
    expect(saveIndicator(state)).toBe("saving");
    expect(shouldRequestSave(state)).toBe(true);
  });

  it("ignores answers for ids never sent", () => {
    const state = run(...connectedAndSynced, { type: "saved", id: 7 }, { type: "localEdit" });
    expect(state.settledId).toBe(0);
    expect(saveIndicator(reduceSaveState(state, { type: "requestSent", id: 1 }))).toBe("saving");
  });
});
