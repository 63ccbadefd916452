/**
 * The daily digest: once a day (from 07:00 Danish time), each person with unread notifications
 * that no digest has carried yet gets one e-mail listing them. Only with `SMTP_URL` set: without
 * it no mailer is made and nothing is sent or fails. Sent over nodemailer's SMTP transport; a
 * person's notifications are marked as carried once their mail is accepted, so a failed send is
 * tried again the next time.
 */
import { createTransport } from "nodemailer";
import type { Transporter } from "nodemailer";
import type { NotificationKind } from "../../shared/model";
import { danishToday, NOTIFICATION_KIND_LABELS } from "../../shared/model";
import type { Log } from "../logger";
import type { NotificationRow, Store } from "../store";

/** The hour (Danish time) from which the day's digest goes out. */
const DIGEST_HOUR = 7;
/** Most notifications read for one digest round. */
const ROUND_LIMIT = 5000;
const LAST_DAY_SETTING = "digest_last_day";

const COPENHAGEN_HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  hour: "2-digit",
  hourCycle: "h23",
});

export interface DigestOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  smtpUrl: string;
  /** The sender; default `Dagsorden <dagsorden@localhost>`. */
  from?: string;
  /** The address people use, for links in the mail (`PUBLIC_URL`). */
  publicUrl?: string | null;
}

export interface DigestMessage {
  to: string;
  subject: string;
  text: string;
}

/** One person's digest as a plain-text mail in Danish. */
export function buildDigest(
  user: { name: string; email: string },
  notifications: readonly Pick<NotificationRow, "kind" | "text" | "itemId">[],
  publicUrl: string | null,
): DigestMessage {
  const count = notifications.length;
  const lines = notifications.map((notification) => {
    const label = NOTIFICATION_KIND_LABELS[notification.kind as NotificationKind] ?? "Besked";
    const link =
      publicUrl && notification.itemId
        ? `\n  ${publicUrl.replace(/\/$/, "")}/items/${notification.itemId}`
        : "";
    return `- ${label}: ${notification.text}${link}`;
  });
  return {
    to: user.email,
    subject:
      count === 1 ? "Dagsorden: 1 ny notifikation" : `Dagsorden: ${count} nye notifikationer`,
    text: [
      `Kære ${user.name}`,
      "",
      count === 1
        ? "Der er sket noget, der vedrører dig, siden sidst:"
        : `Der er sket ${count} ting, der vedrører dig, siden sidst:`,
      "",
      ...lines,
      "",
      "Du kan læse og markere notifikationerne i Dagsorden under klokken øverst på siden.",
    ].join("\n"),
  };
}

export class DigestMailer {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(
    private readonly store: Store,
    private readonly options: DigestOptions,
    private readonly log: Log,
  ) {
    this.transport = createTransport(options.smtpUrl);
    this.from = options.from ?? "Dagsorden <dagsorden@localhost>";
  }

  /** Whether today's digest is due: past the hour, and not yet sent today. */
  async due(now = new Date()): Promise<boolean> {
    if (Number(COPENHAGEN_HOUR.format(now)) < DIGEST_HOUR) return false;
    return (await this.store.settings.getSetting(LAST_DAY_SETTING)) !== danishToday(now);
  }

  /** Sends today's digest if it is due (call under a cluster-wide lock). */
  async sendIfDue(now = new Date()): Promise<number> {
    if (!(await this.due(now))) return 0;
    const sent = await this.send();
    await this.store.settings.setSetting(LAST_DAY_SETTING, danishToday(now));
    return sent;
  }

  /** Sends a digest to everyone with notifications no digest has carried; resolves with how many mails. */
  async send(): Promise<number> {
    const pending = await this.store.notifications.listUndigested(ROUND_LIMIT);
    const byUser = new Map<string, NotificationRow[]>();
    for (const row of pending) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    let sent = 0;
    for (const [userId, rows] of byUser) {
      const user = await this.store.users.getUser(userId);
      if (!user?.active) continue;
      const message = buildDigest(user, rows, this.options.publicUrl ?? null);
      try {
        await this.transport.sendMail({ from: this.from, ...message });
      } catch (error) {
        this.log("digest mail not sent", { user: userId, error: (error as Error).message });
        continue;
      }
      await this.store.notifications.markEmailed(
        rows.map((row) => row.id),
        Date.now(),
      );
      sent += 1;
    }
    return sent;
  }

  close(): void {
    this.transport.close();
  }
}
