import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DeclarationErrorCode,
  type DeclarationPhotoView,
  type ErrorDetail,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { UploadedFile } from '../../common/http/multipart';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../cases/domain/attachment-kind';

const MB = 1024 * 1024;
const IMAGE_KINDS = new Set(['jpeg', 'png', 'webp']);

/** Where a photo is kept: under the user who uploaded it, named by its SHA-256 and kind. */
export const photoKey = (userId: number, photoId: string) =>
  `declarations/photos/${userId}/${photoId}`;

/**
 * Photos of a bill or a payment receipt, uploaded before the declaration that names them (a
 * mini-program uploads one file per request). Each is judged by its first bytes with the same
 * check as report attachments, images only, and kept under its hash: a photo no declaration
 * names is an unreferenced file, never half a declaration.
 */
@Injectable()
export class DeclarationPhotosService {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async upload(userId: number, files: UploadedFile[]): Promise<DeclarationPhotoView[]> {
    if (!files.length) throw new AppError(DeclarationErrorCode.PHOTO_EMPTY, '请选择要上传的照片');
    const problems: ErrorDetail[] = [];
    const checked = files.map((f, i) => {
      const r = checkAttachment(f.data);
      const where = { path: `files.${i}`, value: f.name };
      if (r.ok && IMAGE_KINDS.has(r.kind))
        return { kind: r.kind as DeclarationPhotoView['kind'], data: f.data };
      if (!r.ok && r.problem === 'too_large')
        problems.push({
          code: DeclarationErrorCode.PHOTO_TOO_LARGE,
          message: `照片 ${f.name} 超过 ${ATTACHMENT_MAX_BYTES.jpeg / MB} MB`,
          ...where,
        });
      else if (!r.ok && r.problem === 'empty')
        problems.push({
          code: DeclarationErrorCode.PHOTO_EMPTY,
          message: `照片 ${f.name} 是空文件`,
          ...where,
        });
      else
        problems.push({
          code: DeclarationErrorCode.PHOTO_NOT_IMAGE,
          message: `文件 ${f.name} 不是 JPEG、PNG 或 WebP 图片（按文件内容判断），请拍摄或选择账单照片`,
          ...where,
        });
      return null;
    });
    if (problems.length)
      throw new AppError(problems[0].code, problems.map((p) => p.message).join('；'), problems);
    const views: DeclarationPhotoView[] = [];
    for (const f of checked) {
      if (!f) continue;
      const photoId = `${createHash('sha256').update(f.data).digest('hex')}.${f.kind}`;
      await this.blobs.put(photoKey(userId, photoId), f.data);
      views.push({ photoId, kind: f.kind, bytes: f.data.length });
    }
    return views;
  }

  /** The user's uploaded photos by id; ids it never uploaded are problems at their index. */
  async resolve(
    userId: number,
    photoIds: string[],
  ): Promise<{ photos: DeclarationPhotoView[]; problems: ErrorDetail[] }> {
    const photos: DeclarationPhotoView[] = [];
    const problems: ErrorDetail[] = [];
    for (const [i, photoId] of photoIds.entries()) {
      const key = photoKey(userId, photoId);
      if (!(await this.blobs.exists(key))) {
        problems.push({
          code: DeclarationErrorCode.PHOTO_UNKNOWN,
          message: `第 ${i + 1} 张照片没有找到，请重新上传`,
          path: `body.photos.${i}`,
          value: photoId,
        });
        continue;
      }
      const bytes = (await this.blobs.get(key)).length;
      photos.push({ photoId, kind: photoId.split('.')[1] as DeclarationPhotoView['kind'], bytes });
    }
    return { photos, problems };
  }
}
