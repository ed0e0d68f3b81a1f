import { isWeapp } from '../../services/auth-api';

/** One photo kept in the draft as a data URL of at most this many characters (≈ 750 KB). */
export const PHOTO_KEEP_CHARS = 1_000_000;
/** All of a draft's photos together: H5 storage is the site's localStorage (≈ 5 M characters). */
export const DRAFT_PHOTOS_CHARS = 3_000_000;
/** The long side of a photo re-encoded to fit. */
const MAX_SIDE = 1600;

/**
 * On H5 a chosen photo is a blob URL, which a reload of the page forgets. The draft keeps each
 * as a data URL instead: the file as chosen where it fits, else a JPEG of at most 1600 px on its
 * long side (a bill stays legible); both upload like the file itself. A photo that still does
 * not fit, or cannot be read, stays a blob URL: kept until the page reloads, as the page says.
 * In WeChat photos are saved files already (services/device.ts).
 */
export async function keepForDraft(
  picked: readonly string[],
  kept: readonly string[],
): Promise<string[]> {
  if (isWeapp()) return [...picked];
  let budget = DRAFT_PHOTOS_CHARS - kept.reduce((n, p) => n + (isDataUrl(p) ? p.length : 0), 0);
  const out: string[] = [];
  for (const path of picked) {
    const url = path.startsWith('blob:') ? await dataUrlOf(path) : null;
    if (url && url.length <= Math.min(PHOTO_KEEP_CHARS, budget)) {
      budget -= url.length;
      out.push(url);
    } else out.push(path);
  }
  return out;
}

/** Photos the draft could not keep as data: lost once the page reloads. */
export const notKept = (photos: readonly string[]): number =>
  isWeapp() ? 0 : photos.filter((p) => p.startsWith('blob:')).length;

/**
 * The draft's photos that are still there: a blob URL of an earlier page (before a reload) no
 * longer reads and is dropped.
 */
export async function photosStillThere(photos: readonly string[]): Promise<string[]> {
  if (isWeapp()) return [...photos];
  const alive = await Promise.all(
    photos.map((p) =>
      p.startsWith('blob:')
        ? fetch(p).then(
            (r) => r.ok,
            () => false,
          )
        : true,
    ),
  );
  return photos.filter((_, i) => alive[i]);
}

const isDataUrl = (p: string) => p.startsWith('data:');

async function dataUrlOf(blobUrl: string): Promise<string | null> {
  let blob: Blob;
  try {
    blob = await (await fetch(blobUrl)).blob();
  } catch {
    return null;
  }
  const asIs = await encode(blob);
  if (asIs.length <= PHOTO_KEEP_CHARS) return asIs;
  return (await smaller(blob)) ?? asIs;
}

async function encode(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

/** The photo as a JPEG of at most MAX_SIDE px on its long side; null where it cannot be drawn. */
async function smaller(blob: Blob): Promise<string | null> {
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.82);
  } catch {
    return null;
  }
}
