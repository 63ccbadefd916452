import * as Y from "yjs";

/**
 * Whether an update refers to state that neither the document nor the update itself has: a
 * hole in a client's clock, an item inserted next to or inside an unknown item, or a deletion of
 * unknown items. Yjs would hold such parts back as pending. In a cluster this happens when a
 * client moved from another instance brings changes that depend on updates committed there but
 * not yet received here; the document then catches up from the store before applying.
 */
export function dependsOnUnknownState(
  doc: Y.Doc,
  decoded: ReturnType<typeof Y.decodeUpdate>,
): boolean {
  // Per client, the clock up to which the document or the update itself has everything.
  const available = new Map<number, number>();
  const reach = (client: number) => available.get(client) ?? Y.getState(doc.store, client);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return true;
    const { client, clock } = struct.id;
    const upTo = reach(client);
    if (clock > upTo) return true;
    available.set(client, Math.max(upTo, clock + struct.length));
  }
  const known = (id: Y.ID | null) => id === null || id.clock < reach(id.client);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!known(struct.origin) || !known(struct.rightOrigin)) return true;
    if (struct.parent instanceof Y.ID && !known(struct.parent)) return true;
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > reach(client)) return true;
    }
  }
  return false;
}
