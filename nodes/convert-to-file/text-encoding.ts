// Text ↔ bytes for the file nodes, in the encodings Node's Buffer knows (n8n offers iconv's list).
const ALIASES: Record<string, BufferEncoding> = {
  utf8: 'utf8', 'utf-8': 'utf8', ascii: 'ascii', latin1: 'latin1', binary: 'latin1', 'iso-8859-1': 'latin1',
  ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le', base64: 'base64', hex: 'hex',
};

export function bufferEncoding(encoding: string | undefined): BufferEncoding {
  const found = ALIASES[(encoding || 'utf8').toLowerCase()];
  if (!found) throw new Error(`The encoding "${encoding}" is not supported yet`);
  return found;
}

const BOMS: Partial<Record<BufferEncoding, number[]>> = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe] };

export function encodeText(text: string, encoding?: string, addBOM = false): Buffer {
  const enc = bufferEncoding(encoding);
  const body = Buffer.from(text, enc);
  const bom = addBOM ? BOMS[enc] : undefined;
  return bom ? Buffer.concat([Buffer.from(bom), body]) : body;
}

export function decodeText(buffer: Buffer, encoding?: string, stripBOM = true): string {
  const text = buffer.toString(bufferEncoding(encoding));
  return stripBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
