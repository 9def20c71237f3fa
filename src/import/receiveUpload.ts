import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { ClientError, ErrorCode } from '../errors';

export interface Upload {
  /** Where the file was streamed to; remove `dir` when done. */
  filePath: string;
  dir: string;
  fileName: string;
  fields: Record<string, string>;
}

export class UploadError extends ClientError {
  constructor(
    message: string,
    code: ErrorCode,
    readonly status: number,
  ) {
    super(message, code, { http: { status } });
  }
}

/** A file name safe to keep: the last path segment, printable, at most 200 characters. */
function safeName(raw: string | undefined): string {
  const base = path.basename((raw ?? '').replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
  return base || 'upload';
}

/**
 * Streams a multipart upload's one `file` part to a temporary file (never into
 * memory) and collects its small text fields. Refuses other content types (415),
 * a file past `maxBytes` (413), and a request without a file or with several (400).
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<Upload> {
  if (!req.is('multipart/form-data')) {
    throw new UploadError(
      `POST /imports takes Content-Type: multipart/form-data with the file in a part named "file"; got ${req.headers['content-type'] ? `"${String(req.headers['content-type']).slice(0, 60)}"` : 'none'}.`,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      415,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-upload-'));
  const fields: Record<string, string> = {};
  let file: { filePath: string; fileName: string } | null = null;
  let failure: UploadError | null = null;
  const writes: Array<Promise<void>> = [];
  try {
    const parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 2, fields: 20, fieldSize: 1024 } });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file !== null) {
        failure ??= new UploadError(name === 'file' ? 'Send one file per import.' : `The upload has a file part named "${name.slice(0, 40)}"; name it "file".`, ErrorCode.BAD_REQUEST, 400);
        stream.resume();
        return;
      }
      file = { filePath: path.join(dir, 'upload'), fileName: safeName(info.filename) };
      stream.on('limit', () => {
        failure ??= new UploadError(`The file is larger than ${maxBytes} bytes, the most one upload may carry. Split it, or import it on the host with npm run import.`, ErrorCode.PAYLOAD_TOO_LARGE, 413);
      });
      writes.push(pipeline(stream, fs.createWriteStream(file.filePath)));
    });
    await pipeline(req, parser).catch((error: unknown) => {
      failure ??= new UploadError(`The multipart body could not be read (${error instanceof Error ? error.message.slice(0, 80) : 'malformed'}). Send a complete multipart/form-data request.`, ErrorCode.BAD_REQUEST, 400);
    });
    await Promise.all(writes);
    if (failure) throw failure;
    if (!file) throw new UploadError('The upload has no file: send it in a multipart part named "file".', ErrorCode.BAD_REQUEST, 400);
    const received: { filePath: string; fileName: string } = file;
    return { ...received, dir, fields };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
