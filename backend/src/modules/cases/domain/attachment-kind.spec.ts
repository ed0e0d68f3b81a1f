import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkAttachment, sniffAttachment } from './attachment-kind';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('attachment kinds', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['webp', text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ')],
    ['pdf', text('%PDF-1.7\n')],
  ])('recognises %s by its first bytes', (kind, data) => {
    expect(sniffAttachment(data)).toBe(kind);
  });

  it.each([
    ['a script named like a photo', text('#!/bin/sh\nrm -rf /')],
    ['HTML', text('<html><script>')],
    ['a RIFF that is not WebP (WAV)', text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e)],
  ])('refuses %s', (_what, data) => {
    expect(sniffAttachment(data)).toBeNull();
    expect(checkAttachment(data)).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('allows a PDF larger than the photo limit, but not beyond 20 MB', () => {
    const pdf = new Uint8Array(ATTACHMENT_MAX_BYTES.jpeg + 1);
    pdf.set(text('%PDF-1.4'));
    expect(checkAttachment(pdf)).toEqual({ ok: true, kind: 'pdf' });
    const jpeg = new Uint8Array(ATTACHMENT_MAX_BYTES.jpeg + 1);
    jpeg.set([0xff, 0xd8, 0xff]);
    expect(checkAttachment(jpeg)).toEqual({ ok: false, problem: 'too_large' });
    const bigPdf = new Uint8Array(ATTACHMENT_MAX_BYTES.pdf + 1);
    bigPdf.set(text('%PDF-1.4'));
    expect(checkAttachment(bigPdf)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('refuses an empty file', () => {
    expect(checkAttachment(new Uint8Array(0))).toEqual({ ok: false, problem: 'empty' });
  });
});
