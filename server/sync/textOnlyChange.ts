import * as Y from "yjs";

/**
 * True when a transaction only inserted or deleted characters inside existing text nodes.
 * Such a change cannot break a document's structure (no node is added, removed or renamed, no
 * mark or attribute is set), so the full schema check — which walks the whole body — can be
 * skipped for it: by far the most common update is one typed character.
 */
export function isTextOnlyChange(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    if (!(type instanceof Y.XmlText)) return false;
    for (const key of keys) if (key !== null) return false;
  }
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (
        struct instanceof Y.Item &&
        !(struct.content instanceof Y.ContentString) &&
        !(struct.content instanceof Y.ContentDeleted)
      ) {
        return false;
      }
    }
  }
  let deletedStructure = false;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (
      struct instanceof Y.Item &&
      !(struct.content instanceof Y.ContentString) &&
      !(struct.content instanceof Y.ContentDeleted)
    ) {
      deletedStructure = true;
    }
  });
  return !deletedStructure;
}
