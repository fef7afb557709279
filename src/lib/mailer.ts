import type { Config } from '../config.js';
import { RosterError } from './errors.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text`, already escaped by its author (workflow emails). */
  html?: string;
}

/** Sends mail (plain text, with an HTML alternative when given) through the configured SMTP server (ROSTER_SMTP_URL). */
export async function sendMail(config: Config, mail: OutgoingMail): Promise<void> {
  await withMailer(config, (send) => send(mail));
}

/**
 * Sends many messages over one SMTP connection (reminders to every employee on a list): opening one per
 * message would take a handshake each, and a mail server may refuse a burst of new connections.
 */
export async function withMailer<T>(
  config: Config,
  use: (send: (mail: OutgoingMail) => Promise<void>) => Promise<T>,
): Promise<T> {
  if (!config.smtp) {
    throw new RosterError(
      'conflict',
      'Roster has no mail server: set ROSTER_SMTP_URL (for example smtp://mail.acme.io:587)',
    );
  }
  const smtp = config.smtp;
  // Loaded when mail is sent, not when `roster serve` starts.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 1 });
  const send = async (mail: OutgoingMail) => {
    try {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === undefined ? {} : { html: mail.html }),
      });
    } catch (error) {
      throw new RosterError(
        'sync_failed',
        `The mail server refused the message: ${(error as Error).message}`,
      );
    }
  };
  try {
    return await use(send);
  } finally {
    transport.close();
  }
}
