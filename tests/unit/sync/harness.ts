/** What the SyncDoc unit tests share: a real SQLite store in a temp dir, and a recording peer. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { DocPeer } from "../../../server/sync/SyncDoc";
import type { Outbound } from "../../../server/sync/outbound";
import { openSqliteStore } from "../../../server/store";
import type { Store } from "../../../server/store";

/** A fresh store for every test of the calling file; call the returned function to reach it. */
export function useTempStore(): () => Store {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dagsorden-syncdoc-"));
    store = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => store;
}

/** A connection as a document sees it, keeping what it is sent. */
export class RecordingPeer implements DocPeer {
  private static next = 1;
  readonly id = RecordingPeer.next++;
  readonly userId = "u";
  readonly awarenessClients = new Set<number>();
  readonly received: Outbound[] = [];
  send(message: Outbound): void {
    this.received.push(message);
  }
  fail(): void {}
}
