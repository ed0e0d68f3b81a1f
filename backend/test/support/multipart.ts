import type { Upload } from '../../src/modules/imports/batch-files';

/** A multipart body as fetch would send it, with its exact bytes (needed for signatures). */
export async function multipartBody(
  uploads: Upload[],
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const u of uploads) form.append('files', new Blob([new Uint8Array(u.data)]), u.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await req.arrayBuffer()),
    contentType: req.headers.get('content-type')!,
  };
}
