/** A message as an .eml file: nodemailer's stream transport builds (and DKIM-signs) the exact bytes SMTP would carry. */

import type { SendMailOptions } from 'nodemailer';
import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function emlBytes(message: SendMailOptions): Promise<Buffer> {
  const info = await transport.sendMail(message);
  return info.message as Buffer;
}
