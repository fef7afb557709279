import nodemailer from 'nodemailer';
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
  if (!config.smtp) {
    throw new RosterError(
      'conflict',
      'Roster has no mail server: set ROSTER_SMTP_URL (for example smtp://mail.acme.io:587)',
    );
  }
  const transport = nodemailer.createTransport(config.smtp.url);
  try {
    await transport.sendMail({
      from: config.smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html === undefined ? {} : { html: mail.html }),
    });
  } catch (error) {
    throw new RosterError('sync_failed', `The mail server refused the message: ${(error as Error).message}`);
  } finally {
    transport.close();
  }
}
