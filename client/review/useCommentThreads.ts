import { useEffect, useState } from "react";
import { destroyProvider } from "../sync/destroyProvider";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import { COMMENTS_DOC_ROOT, type CommentThread } from "../../shared/model/comments";
import { watchConnection } from "../sync/watchConnection";
import { wsOrigin } from "../sync/wsOrigin";

export type ThreadsLoad =
  { status: "loading" } | { status: "live"; threads: CommentThread[] } | { status: "refused" };

/**
 * The item's comment threads, live: the `comments:<itemId>` document, which the server writes
 * (from the comment requests) and every reader of the item receives as it changes. Each value
 * of its map is one whole thread.
 */
export function useCommentThreads(itemId: string): ThreadsLoad {
  const [load, setLoad] = useState<ThreadsLoad>({ status: "loading" });

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${wsOrigin()}/sync`,
      formatDocName("comments", itemId),
      doc,
      { disableBc: true, connect: false },
    );
    const stopWatching = watchConnection(provider);
    const threads = doc.getMap<CommentThread>(COMMENTS_DOC_ROOT);
    const read = () => {
      if (!provider.synced) return;
      setLoad({ status: "live", threads: [...threads.values()] });
    };
    threads.observe(read);
    provider.on("sync", read);
    provider.on("connection-close", (event) => {
      // 4400–4499 are final (the provider stops): the person may not read the comments.
      if (event && event.code >= 4400 && event.code < 4500) setLoad({ status: "refused" });
    });
    return () => {
      stopWatching();
      threads.unobserve(read);
      destroyProvider(provider);
      doc.destroy();
      setLoad({ status: "loading" });
    };
  }, [itemId]);

  return load;
}
