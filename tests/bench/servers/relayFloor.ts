/**
 * Not a server anyone could use: the least any y-websocket server must do, to show what the
 * machine itself charges for a delivery. It passes every update message it receives, as the same
 * bytes, to every other connection of the same document: one read per message and one write per
 * receiver. A joiner's sync step 1 is answered with every update message so far, then an empty
 * step 2, so joiners start from the document as it is. No Yjs, no storage, no checks, no
 * awareness. The paced scenarios run it beside the real servers so a
 * target stated as a fraction of a peer's CPU can be read against this floor (issue #17).
 *
 *   --port=N
 */
import { WebSocketServer, type WebSocket } from "ws";
import { announceReady, launcherArgs } from "./childControl";

/** y-protocols: message type sync, its subtypes step 1 and update. */
const SYNC = 0;
const STEP_1 = 0;
const UPDATE = 2;
/** sync, step 2, an update of 2 bytes: no structs, no deletions (an empty document). */
const EMPTY_STEP_2 = Uint8Array.of(SYNC, 1, 2, 0, 0);

const args = launcherArgs(process.argv.slice(2));
const port = Number(args.get("port"));
const rooms = new Map<string, { peers: Set<WebSocket>; log: Buffer[] }>();

const server = new WebSocketServer({ host: "127.0.0.1", port, perMessageDeflate: false });
server.on("connection", (socket, request) => {
  const name = new URL(request.url ?? "/", "http://floor").pathname;
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { peers: new Set(), log: [] }));
  const { peers, log } = room;
  peers.add(socket);
  socket.on("message", (data: Buffer) => {
    if (data[0] !== SYNC) return;
    if (data[1] === STEP_1) {
      for (const update of log) socket.send(update);
      socket.send(EMPTY_STEP_2);
    } else if (data[1] === UPDATE) {
      log.push(data);
      for (const peer of peers) if (peer !== socket) peer.send(data);
    }
  });
  socket.on("close", () => peers.delete(socket));
});
await new Promise<void>((resolve) => server.once("listening", resolve));
announceReady(port, () => rooms.size);
