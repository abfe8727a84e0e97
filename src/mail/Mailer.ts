import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** One-click unsubscribe (RFC 8058): shown by mail clients as an "Unsubscribe" button. */
  unsubscribeUrl: string;
  language: string;
}

/** Sends mail over SMTP (`SMTP_URL`). Failures throw; callers decide what the person is told. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const url = new URL(smtpUrl);
    // Timeouts go in the URL's query, which nodemailer reads as transport options.
    for (const key of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) url.searchParams.set(key, String(timeoutMs));
    this.transport = nodemailer.createTransport(url.toString());
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: {
        'Content-Language': mail.language,
        'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }

  close(): void {
    this.transport.close();
  }
}
