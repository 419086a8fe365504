// MIME types of files read from disk: by extension, else by the first bytes, else text/plain (as
// n8n's prepareBinaryData falls back).
import { extname } from 'node:path';

const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html', css: 'text/css', md: 'text/markdown',
  js: 'application/javascript', json: 'application/json', xml: 'application/xml', yaml: 'application/yaml', yml: 'application/yaml',
  ics: 'text/calendar', rtf: 'application/rtf', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip',
  tar: 'application/x-tar', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  svg: 'image/svg+xml', bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff', ico: 'image/vnd.microsoft.icon',
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', mp4: 'video/mp4', webm: 'video/webm',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x25, 0x50, 0x44, 0x46], 'application/pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'application/zip'],
  [[0x1f, 0x8b], 'application/gzip'],
];

export function mimeTypeOf(fileName: string, content?: Buffer): string {
  const byName = BY_EXTENSION[extname(fileName).slice(1).toLowerCase()];
  if (byName) return byName;
  const signature = content && SIGNATURES.find(([bytes]) => bytes.every((byte, i) => content[i] === byte));
  return signature ? signature[1] : 'text/plain';
}

/** The usual extension of a MIME type (mime-types' `extension`), e.g. text/plain → txt. */
export function extensionOf(mimeType: string): string | undefined {
  if (mimeType === 'text/plain') return 'txt';
  if (mimeType === 'image/jpeg') return 'jpeg';
  return Object.entries(BY_EXTENSION).find(([, type]) => type === mimeType)?.[0];
}
