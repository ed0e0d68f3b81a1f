/*
 * What a report's attachment is, judged by its first bytes (magic numbers), never by its name or
 * the type the client declared: photos (JPEG, PNG, WebP) up to 10 MB, PDF documents up to 20 MB.
 */

export type AttachmentKind = 'jpeg' | 'png' | 'webp' | 'pdf';

const MB = 1024 * 1024;

export const ATTACHMENT_MAX_BYTES: Readonly<Record<AttachmentKind, number>> = {
  jpeg: 10 * MB,
  png: 10 * MB,
  webp: 10 * MB,
  pdf: 20 * MB,
};

export const ATTACHMENT_MIME: Readonly<Record<AttachmentKind, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The kind of file these bytes are, or null for anything not accepted. */
export function sniffAttachment(data: Uint8Array): AttachmentKind | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(data, ascii('%PDF-'))) return 'pdf';
  return null;
}

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind }
  | { ok: false; problem: 'unsupported' | 'too_large' | 'empty' };

export function checkAttachment(data: Uint8Array): AttachmentCheck {
  if (data.length === 0) return { ok: false, problem: 'empty' };
  const kind = sniffAttachment(data);
  if (!kind) return { ok: false, problem: 'unsupported' };
  if (data.length > ATTACHMENT_MAX_BYTES[kind]) return { ok: false, problem: 'too_large' };
  return { ok: true, kind };
}
