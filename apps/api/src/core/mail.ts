/** What services need to send mail; the mail module implements it, the app layer wires it in. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends (or, without SMTP, logs) the message and records it in the outbox. */
  send(message: MailMessage): Promise<void>;
}
