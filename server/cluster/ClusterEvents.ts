/**
 * Events that must be acted on by every instance: handled here at once, and on the other
 * instances through the bus's events stream. Without a bus (one instance, SQLite) they are
 * handled here only — the same code path either way.
 *
 * When Redis lost messages (down, flushed, restarted), `onMissed` handlers re-decide whatever
 * the events would have told (e.g. every open connection's access).
 */
import type { ClusterBus, ClusterEvent } from "./ClusterBus";
import type { Log } from "../logger";

type Handler<T extends ClusterEvent["type"]> = (
  event: Extract<ClusterEvent, { type: T }>,
) => Promise<void> | void;

export class ClusterEvents {
  private readonly handlers = new Map<
    string,
    Array<(event: ClusterEvent) => Promise<void> | void>
  >();

  constructor(
    private readonly bus: ClusterBus | null,
    private readonly log: Log,
  ) {
    bus?.onEvent((event) => void this.dispatch(event));
  }

  on<T extends ClusterEvent["type"]>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    // Stored by type: a handler is only ever called with events of its type.
    list.push(handler as unknown as (event: ClusterEvent) => Promise<void> | void);
    this.handlers.set(type, list);
  }

  /** Runs this instance's handlers (resolves when they are done) and tells the others. */
  async publish(event: ClusterEvent): Promise<void> {
    this.bus?.publishEvent(event);
    await this.dispatch(event);
  }

  /** Called when events from other instances may have been lost. */
  onMissed(handler: () => void): void {
    this.bus?.onMissed(handler);
  }

  private async dispatch(event: ClusterEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.log("cluster event handler failed", {
          event: event.type,
          error: (error as Error).message,
        });
      }
    }
  }
}
