import Taro from '@tarojs/taro';
import { isWeapp } from './auth-api';

/** Photos from the camera or album: chooseMedia in WeChat, chooseImage on H5. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    if (isWeapp()) {
      const r = await Taro.chooseMedia({
        count,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      });
      // Temp files may be cleaned up once the app closes: keep them for the report's draft.
      return Promise.all(r.tempFiles.map((f) => keepFile(f.tempFilePath)));
    }
    const r = await Taro.chooseImage({ count, sourceType: ['album', 'camera'] });
    return r.tempFilePaths;
  } catch {
    // The user closed the picker.
    return [];
  }
}

async function keepFile(tempFilePath: string): Promise<string> {
  try {
    const saved = await Taro.saveFile({ tempFilePath });
    return 'savedFilePath' in saved ? saved.savedFilePath : tempFilePath;
  } catch {
    return tempFilePath;
  }
}

/** Frees photos kept for a draft (WeChat); on H5 there is nothing to free. */
export async function discardPhotos(paths: readonly string[]): Promise<void> {
  if (!isWeapp()) return;
  await Promise.all(
    paths.map((filePath) => Taro.removeSavedFile({ filePath }).catch(() => undefined)),
  );
}

/** A code scanned with the camera (WeChat only); null when cancelled. */
export async function scanCode(): Promise<string | null> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] });
    return r.result.trim() || null;
  } catch {
    return null;
  }
}

/**
 * Asks the user (WeChat only) to let case updates reach it as subscribe messages. The answer
 * does not stop the report: a user who declines is simply not messaged.
 */
export async function askForCaseUpdates(): Promise<void> {
  const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID;
  if (!isWeapp() || !template) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] });
  } catch {
    /* declined or unsupported: report all the same */
  }
}
