/**
 * What instances of a cluster tell each other, through Redis Streams.
 *
 * Each document has a stream (`<prefix>doc:<name>`): an instance that commits a batch adds it
 * with its sequence numbers in the store's log (kind `u`), and its clients' awareness changes
 * (kind `a`). Every instance with the document loaded reads the stream from the position it had
 * when it started loading the document, so nothing committed after its load is missed, and
 * takes the batches in sequence order (see `SyncDoc.applyRemote`). Streams are trimmed to about
 * `STREAM_MAX_LEN` entries and expire a day after the last write.
 *
 * One more stream (`<prefix>events`) carries cluster-wide events — "re-decide access to this
 * document" — for whoever subscribes (`onEvent`; see `ClusterEvents`).
 *
 * Redis is not the truth, the store is. When Redis is unreachable, or was flushed or restarted
 * (its `<prefix>epoch` key is gone or changed), messages may have been lost: the bus tells its
 * `onMissed` listeners, who catch up from the store, and carries on once Redis is back.
 *
 * One connection sends, one blocks in XREAD over every followed stream; following a new stream
 * wakes the reader with CLIENT UNBLOCK.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Log } from "../logger";

/**
 * An event every instance hears (see `ClusterEvents`). A feature that must act on every
 * instance — e.g. closing a session's sockets on logout — adds its event here and a handler
 * with `ClusterEvents.on`.
 */
export type ClusterEvent =
  /** Permissions for a document changed: re-decide the access of its open connections. */
  | { type: "docAccessChanged"; doc: string }
  /** A person's role or account changed: re-decide the access of all their connections. */
  | { type: "userAccessChanged"; userId: string }
  /** Sessions ended (logout, password change, deactivation): close their sockets (4419). */
  | { type: "sessionsEnded"; sessionIds: string[] };

/** What a followed document does with its stream's messages (other instances' only). */
export interface DocFeed {
  update(first: number, last: number, update: Uint8Array): void;
  awareness(update: Uint8Array): void;
}

export interface ClusterBusOptions {
  url: string;
  /** Prefix of every key (`REDIS_PREFIX`): clusters, or tests, on one Redis keep apart. */
  prefix: string;
  log: Log;
  /** How often the epoch key is checked (flush/restart detection). */
  checkIntervalMs?: number;
}

const STREAM_MAX_LEN = 1000;
const STREAM_TTL_MS = 24 * 3600_000;
const BLOCK_MS = 5000;
const RETRY_MS = 250;

type StreamReply = Array<[Buffer, Array<[Buffer, Buffer[]]>]>;

export class ClusterBus {
  readonly instanceId = randomBytes(6).toString("hex");
  private readonly commands: Redis;
  private readonly reader: Redis;
  private readonly eventsKey: string;
  private readonly epochKey: string;
  private readonly followed = new Map<string, { key: string; lastId: string; feed: DocFeed }>();
  private readonly byKey = new Map<string, string>();
  private readonly eventHandlers: Array<(event: ClusterEvent) => void> = [];
  private readonly missedHandlers: Array<() => void> = [];
  private readonly expiresSetAt = new Map<string, number>();
  private eventsId = "$";
  private epoch = "";
  private readerId: number | null = null;
  private blocked = false;
  private healthyNow = true;
  private closed = false;
  private readLoop: Promise<void> = Promise.resolve();
  private checkTimer: NodeJS.Timeout | null = null;

  private constructor(private readonly options: ClusterBusOptions) {
    const common = {
      lazyConnect: true,
      protocol: 2 as const,
      // Fail at once while disconnected: the store is the truth and catches up whatever a
      // lost message would have carried, so nothing should wait in a queue for Redis.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => RETRY_MS,
    };
    this.commands = new Redis(options.url, common);
    this.reader = new Redis(options.url, common);
    for (const connection of [this.commands, this.reader]) {
      // ioredis reports errors on the connection; failed commands report them to us as well.
      connection.on("error", () => undefined);
    }
    this.reader.on("ready", () => {
      void this.reader.client("ID").then(
        (id) => (this.readerId = Number(id)),
        () => (this.readerId = null),
      );
    });
    this.eventsKey = `${options.prefix}events`;
    this.epochKey = `${options.prefix}epoch`;
  }

  static async connect(options: ClusterBusOptions): Promise<ClusterBus> {
    const bus = new ClusterBus(options);
    await Promise.all([bus.commands.connect(), bus.reader.connect()]);
    bus.readerId = Number(await bus.reader.client("ID"));
    bus.epoch = await bus.claimEpoch();
    bus.eventsId = await bus.position(bus.eventsKey);
    bus.readLoop = bus.read();
    bus.checkTimer = setInterval(() => void bus.check(), options.checkIntervalMs ?? 1000);
    bus.checkTimer.unref();
    return bus;
  }

  /** Redis answered the last command. */
  get healthy(): boolean {
    return this.healthyNow;
  }

  docKey(doc: string): string {
    return `${this.options.prefix}doc:${doc}`;
  }

  /** The id of the last message in a document's stream: where following it should start. */
  async docPosition(doc: string): Promise<string> {
    return this.position(this.docKey(doc)).catch((error: unknown) => {
      this.unhealthy(error);
      // Without Redis there is nothing to read; the store fills in once it is back.
      return "$";
    });
  }

  /** Reads a document's stream after `fromId`, handing other instances' messages to `feed`. */
  follow(doc: string, fromId: string, feed: DocFeed): void {
    const key = this.docKey(doc);
    this.followed.set(doc, { key, lastId: fromId, feed });
    this.byKey.set(key, doc);
    this.wakeReader();
  }

  unfollow(doc: string): void {
    const entry = this.followed.get(doc);
    if (!entry) return;
    this.followed.delete(doc);
    this.byKey.delete(entry.key);
    this.expiresSetAt.delete(doc);
  }

  publishUpdate(doc: string, first: number, last: number, update: Uint8Array): void {
    this.publishToDoc(doc, [
      "k",
      "u",
      "i",
      this.instanceId,
      "s",
      String(first),
      "e",
      String(last),
      "d",
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    ]);
  }

  publishAwareness(doc: string, update: Uint8Array): void {
    this.publishToDoc(doc, [
      "k",
      "a",
      "i",
      this.instanceId,
      "d",
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    ]);
  }

  /** Tells every other instance; the caller handles the event itself. */
  publishEvent(event: ClusterEvent): void {
    const sent = this.commands.call("XADD", [
      this.eventsKey,
      "MAXLEN",
      "~",
      String(STREAM_MAX_LEN),
      "*",
      "i",
      this.instanceId,
      "e",
      JSON.stringify(event),
    ]);
    this.watch(sent);
  }

  onEvent(handler: (event: ClusterEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  /** Called when messages may have been lost (Redis was down, flushed or restarted). */
  onMissed(handler: () => void): void {
    this.missedHandlers.push(handler);
  }

  async ping(): Promise<void> {
    await this.commands.ping();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.wakeReader();
    this.reader.disconnect();
    await this.readLoop;
    // Lets the last messages out before the connection closes.
    await this.commands.quit().catch(() => this.commands.disconnect());
  }

  private publishToDoc(doc: string, fields: Array<string | Buffer>): void {
    const key = this.docKey(doc);
    // One command, not a pipeline: an ioredis pipeline costs more to build than the XADD to send.
    this.watch(
      this.commands.call("XADD", [key, "MAXLEN", "~", String(STREAM_MAX_LEN), "*", ...fields]),
    );
    // A document nobody writes to any more leaves Redis after a day.
    const now = Date.now();
    if (now - (this.expiresSetAt.get(doc) ?? 0) > 60_000) {
      this.expiresSetAt.set(doc, now);
      this.watch(this.commands.pexpire(key, STREAM_TTL_MS));
    }
  }

  /** Redis's answer to a command nobody waits for says whether Redis is healthy. */
  private watch(reply: Promise<unknown>): void {
    reply.then(
      () => this.healthyAgain(),
      (error: unknown) => this.unhealthy(error),
    );
  }

  private async position(key: string): Promise<string> {
    const last = (await this.commands.call("XREVRANGE", [key, "+", "-", "COUNT", "1"])) as Array<
      [string, string[]]
    >;
    return last[0]?.[0] ?? "0-0";
  }

  private async claimEpoch(): Promise<string> {
    await this.commands.set(this.epochKey, randomBytes(8).toString("hex"), "NX");
    return (await this.commands.get(this.epochKey)) ?? "";
  }

  /** A flushed or restarted Redis has lost the epoch key (and whatever was in the streams). */
  private async check(): Promise<void> {
    try {
      const epoch = await this.commands.get(this.epochKey);
      if (epoch === this.epoch) {
        this.healthyAgain();
        return;
      }
      this.epoch = await this.claimEpoch();
      this.options.log("Redis lost its data (flushed or restarted); catching up from the store");
      this.missed();
    } catch (error) {
      this.unhealthy(error);
    }
  }

  private unhealthy(error: unknown): void {
    if (this.closed) return;
    if (this.healthyNow) {
      this.options.log("Redis unavailable; instances catch up from the store", {
        error: (error as Error).message,
      });
    }
    this.healthyNow = false;
  }

  private healthyAgain(): void {
    if (this.healthyNow || this.closed) return;
    this.healthyNow = true;
    this.options.log("Redis available again; catching up from the store");
    this.missed();
  }

  private missed(): void {
    for (const handler of this.missedHandlers) handler();
  }

  private wakeReader(): void {
    if (!this.blocked || this.readerId === null) return;
    this.commands.client("UNBLOCK", this.readerId).catch(() => undefined);
  }

  private async read(): Promise<void> {
    while (!this.closed) {
      const keys = [this.eventsKey];
      const ids = [this.eventsId];
      for (const entry of this.followed.values()) {
        keys.push(entry.key);
        ids.push(entry.lastId);
      }
      let reply: StreamReply | null;
      this.blocked = true;
      try {
        reply = (await this.reader.callBuffer("XREAD", [
          "COUNT",
          "1000",
          "BLOCK",
          String(BLOCK_MS),
          "STREAMS",
          ...keys,
          ...ids,
        ])) as StreamReply | null;
      } catch (error) {
        this.blocked = false;
        if (this.closed) return;
        this.unhealthy(error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        continue;
      } finally {
        this.blocked = false;
      }
      if (reply) this.dispatch(reply);
    }
  }

  private dispatch(reply: StreamReply): void {
    for (const [keyBytes, entries] of reply) {
      const key = keyBytes.toString();
      if (key === this.eventsKey) {
        for (const [id, fields] of entries) {
          this.eventsId = id.toString();
          this.takeEvent(fields);
        }
        continue;
      }
      const doc = this.byKey.get(key);
      const entry = doc === undefined ? undefined : this.followed.get(doc);
      if (!entry) continue;
      for (const [id, fields] of entries) {
        entry.lastId = id.toString();
        this.takeDocMessage(doc!, entry.feed, fields);
      }
    }
  }

  private takeEvent(fields: Buffer[]): void {
    const message = fieldsOf(fields);
    if (message.i?.toString() === this.instanceId || !message.e) return;
    let event: ClusterEvent;
    try {
      event = JSON.parse(message.e.toString()) as ClusterEvent;
    } catch {
      this.options.log("unreadable cluster event", { event: message.e.toString() });
      return;
    }
    for (const handler of this.eventHandlers) handler(event);
  }

  private takeDocMessage(doc: string, feed: DocFeed, fields: Buffer[]): void {
    const message = fieldsOf(fields);
    if (message.i?.toString() === this.instanceId || !message.d) return;
    const data = new Uint8Array(message.d.buffer, message.d.byteOffset, message.d.byteLength);
    const kind = message.k?.toString();
    try {
      if (kind === "u") {
        const first = Number(message.s?.toString());
        const last = Number(message.e?.toString());
        if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first) return;
        feed.update(first, last, data);
      } else if (kind === "a") {
        feed.awareness(data);
      }
    } catch (error) {
      this.options.log("could not take a message from another instance", {
        doc,
        error: (error as Error).message,
      });
    }
  }
}

function fieldsOf(fields: Buffer[]): Record<string, Buffer | undefined> {
  const result: Record<string, Buffer | undefined> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) result[fields[i]!.toString()] = fields[i + 1];
  return result;
}
