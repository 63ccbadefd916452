/**
 * Versions of item bodies: the document's full Yjs state at a moment, with a content hash of
 * its body. Recorded automatically at every workflow step and on demand with a name.
 */
import { createHash } from "node:crypto";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { itemBodySchema } from "../../shared/editor";
import { acceptedBodyJson } from "../../shared/suggestions";
import * as Y from "yjs";
import { BODY_FRAGMENT, formatDocName } from "../../shared/docName";
import { ApiError } from "../http/ApiError";
import { newId } from "../meetings/newId";
import type { Store, VersionRow } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import { canonicalJson } from "./canonicalJson";

export function bodyHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export class VersionService {
  constructor(
    private readonly store: Store,
    private readonly sync: SyncServer,
  ) {}

  /** Records the item body as it is now (everything committed). */
  async record(
    itemId: string,
    name: string,
    kind: VersionRow["kind"],
    userId: string | null,
  ): Promise<VersionRow> {
    const version = await this.capture(itemId, name, kind, userId);
    await this.save(version);
    return version;
  }

  /**
   * The item body as it is now, as a version not yet stored: publishing renders from it and
   * stores it only once the publication is made.
   */
  async capture(
    itemId: string,
    name: string,
    kind: VersionRow["kind"],
    userId: string | null,
  ): Promise<VersionRow> {
    const docName = formatDocName("item", itemId);
    const doc = await this.sync.registry.get(docName);
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    try {
      await doc.whenSettled();
      const body = yXmlFragmentToProsemirrorJSON(doc.doc.getXmlFragment(BODY_FRAGMENT));
      return {
        id: newId(),
        doc: docName,
        name,
        kind,
        createdBy: userId,
        createdAt: Date.now(),
        // The approved, exported text: open suggestions are not part of it.
        contentHash: bodyHash(acceptedBodyJson(body)),
        state: Y.encodeStateAsUpdate(doc.doc),
      };
    } finally {
      this.sync.registry.release(doc);
    }
  }

  save(version: VersionRow): Promise<void> {
    return this.store.versions.createVersion(version);
  }

  /** A stored version's document (item body or minutes), to read what it held. */
  async stateOf(versionId: string): Promise<{ version: VersionRow; doc: Y.Doc }> {
    const version = await this.store.versions.getVersion(versionId);
    if (!version) throw new ApiError(404, "version_not_found", "Versionen findes ikke");
    return { version, doc: VersionService.docOf(version) };
  }

  /** A version's document, decoded (the caller destroys it). */
  static docOf(version: VersionRow): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, version.state);
    return doc;
  }

  /** A body held by a version state, as ProseMirror JSON: accepted text only (publication). */
  static bodyOf(doc: Y.Doc): unknown {
    return acceptedBodyJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT)));
  }

  /** The live body (committed state) as ProseMirror JSON. */
  async liveBody(itemId: string): Promise<unknown> {
    const doc = await this.sync.registry.get(formatDocName("item", itemId));
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    try {
      await doc.whenSettled();
      return yXmlFragmentToProsemirrorJSON(doc.doc.getXmlFragment(BODY_FRAGMENT));
    } finally {
      this.sync.registry.release(doc);
    }
  }

  /**
   * Makes the live body equal to a version's, as a new edit: the smallest change to the live
   * document (so people typing elsewhere keep their work), stored and broadcast like any edit.
   */
  async restore(itemId: string, versionId: string): Promise<void> {
    const { version, body } = await this.body(versionId);
    if (version.doc !== formatDocName("item", itemId)) {
      throw new ApiError(404, "version_not_found", "Versionen findes ikke");
    }
    const node = itemBodySchema().nodeFromJSON(body);
    const doc = await this.sync.registry.get(version.doc);
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    try {
      await doc.change((ydoc) => {
        updateYFragment(ydoc, ydoc.getXmlFragment(BODY_FRAGMENT), node, {
          mapping: new Map(),
          isOMark: new Map(),
        });
      });
    } finally {
      this.sync.registry.release(doc);
    }
  }

  /** Records the minutes (every item's Beslutning) as they are now; what approval freezes. */
  async recordMinutes(
    meetingId: string,
    name: string,
    userId: string | null,
    /** Also frozen by the approval: who attended. */
    attendance: unknown = null,
  ): Promise<VersionRow> {
    const docName = formatDocName("minutes", meetingId);
    const doc = await this.sync.registry.get(docName);
    if (!doc) throw new ApiError(404, "minutes_not_found", "Referatet findes ikke");
    try {
      await doc.whenSettled();
      const content: Record<string, unknown> = { "@attendance": attendance };
      for (const key of [...doc.doc.share.keys()].sort()) {
        content[key] = yXmlFragmentToProsemirrorJSON(doc.doc.getXmlFragment(key));
      }
      const version: VersionRow = {
        id: newId(),
        doc: docName,
        name,
        kind: "auto",
        createdBy: userId,
        createdAt: Date.now(),
        contentHash: bodyHash(content),
        state: Y.encodeStateAsUpdate(doc.doc),
      };
      await this.store.versions.createVersion(version);
      return version;
    } finally {
      this.sync.registry.release(doc);
    }
  }

  list(itemId: string) {
    return this.store.versions.listVersions(formatDocName("item", itemId));
  }

  /** A version's body as ProseMirror JSON. */
  async body(versionId: string): Promise<{ version: Omit<VersionRow, "state">; body: unknown }> {
    const row = await this.store.versions.getVersion(versionId);
    if (!row) throw new ApiError(404, "version_not_found", "Versionen findes ikke");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.state);
    const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT));
    doc.destroy();
    const { state: _state, ...version } = row;
    return { version, body };
  }
}
