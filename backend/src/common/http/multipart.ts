import busboy from 'busboy';
import { AppError } from '../errors/app-error';

export interface UploadedFile {
  field: string;
  name: string;
  mimeType: string;
  data: Buffer;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/**
 * Parses a multipart body that is already in memory. Uploads are buffered whole because a
 * provider's signature covers the exact bytes, and because a batch is validated whole anyway.
 */
export function parseMultipart(
  body: Buffer,
  contentType: string | undefined,
  limits: MultipartLimits,
): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!contentType || !contentType.startsWith('multipart/form-data')) {
    return Promise.reject(
      new AppError('UPLOAD.UNSUPPORTED_TYPE', '请以 multipart/form-data 格式上传文件'),
    );
  }
  return new Promise((resolve, reject) => {
    const files: UploadedFile[] = [];
    const fields: Record<string, string> = {};
    let failure: AppError | null = null;
    const bb = busboy({
      headers: { 'content-type': contentType as string },
      defParamCharset: 'utf8',
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles },
    });
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failure ??= new AppError(
          'UPLOAD.TOO_LARGE',
          `文件 ${info.filename} 超过 ${Math.round(limits.maxFileBytes / 1048576)} MB 上限`,
        );
      });
      stream.on('close', () =>
        files.push({
          field,
          name: info.filename ?? '',
          mimeType: info.mimeType,
          data: Buffer.concat(chunks),
        }),
      );
    });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('filesLimit', () => {
      failure ??= new AppError('UPLOAD.TOO_LARGE', `一次最多上传 ${limits.maxFiles} 个文件`);
    });
    bb.on('error', () => reject(new AppError('UPLOAD.INVALID', '上传内容格式错误，无法解析')));
    bb.on('close', () => (failure ? reject(failure) : resolve({ files, fields })));
    bb.end(body);
  });
}
