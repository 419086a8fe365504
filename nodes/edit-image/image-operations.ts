// The Edit Image operations on sharp: each takes the image bytes and the node's values for one item.
import sharp, { type Blend, type Sharp } from 'sharp';

export class ImageInputError extends Error {}

const BLENDS: Record<string, Blend> = {
  Add: 'add', Atop: 'atop', Clear: 'clear', Copy: 'source', Darken: 'darken', Difference: 'difference', Dest: 'dest', In: 'in',
  Lighten: 'lighten', Multiply: 'multiply', Out: 'out', Over: 'over', Overlay: 'overlay', Plus: 'add', Screen: 'screen', Xor: 'xor',
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words wrapped into lines of at most `length` characters (a longer word keeps its own line). */
export function wrap(text: string, length: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > length) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

export function blur(image: Sharp, sigma: number): Sharp {
  return image.blur(Math.max(0.3, sigma));
}

export function border(image: Sharp, width: number, height: number, color: string): Sharp {
  return image.extend({ top: height, bottom: height, left: width, right: width, background: color });
}

export async function crop(image: Sharp, v: { width: number; height: number; positionX: number; positionY: number }): Promise<Sharp> {
  const { width = 0, height = 0 } = await image.metadata();
  if (v.positionX < 0 || v.positionY < 0 || v.positionX + v.width > width || v.positionY + v.height > height) {
    throw new ImageInputError(`The crop area ${v.width}x${v.height} at ${v.positionX},${v.positionY} is outside the ${width}x${height} image`);
  }
  return image.extract({ left: v.positionX, top: v.positionY, width: v.width, height: v.height });
}

export async function resize(image: Sharp, width: number, height: number, option: string): Promise<Sharp> {
  if (option === 'percent') {
    const meta = await image.metadata();
    return image.resize(Math.max(1, Math.round(((meta.width ?? 0) * width) / 100)), Math.max(1, Math.round(((meta.height ?? 0) * height) / 100)), { fit: 'fill' });
  }
  if (option === 'ignoreAspectRatio') return image.resize(width, height, { fit: 'fill' });
  if (option === 'minimumArea') return image.resize(width, height, { fit: 'outside' });
  if (option === 'onlyIfLarger') return image.resize(width, height, { fit: 'inside', withoutEnlargement: true });
  if (option === 'onlyIfSmaller') return image.resize(width, height, { fit: 'inside', withoutReduction: true });
  return image.resize(width, height, { fit: 'inside' });
}

export function rotate(image: Sharp, degrees: number, background: string): Sharp {
  return image.rotate(degrees, { background });
}

export async function text(image: Sharp, v: { text: string; fontSize: number; fontColor: string; positionX: number; positionY: number; lineLength: number; font?: string }): Promise<Sharp> {
  const { width = 0, height = 0 } = await image.metadata();
  const family = v.font && v.font !== 'default' ? escapeXml(v.font) : 'sans-serif';
  const lines = wrap(v.text, Math.max(1, v.lineLength)).map((line, i) => `<tspan x="${v.positionX}" dy="${i ? '1.2em' : 0}">${escapeXml(line)}</tspan>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${v.positionX}" y="${v.positionY}" font-family="${family}" font-size="${v.fontSize}" fill="${escapeXml(v.fontColor)}">${lines}</text></svg>`;
  return image.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
}

export function composite(image: Sharp, overlay: Buffer, v: { operator: string; positionX: number; positionY: number }): Sharp {
  const blend = BLENDS[v.operator];
  if (!blend) throw new ImageInputError(`The composite operator "${v.operator}" is not supported`);
  return image.composite([{ input: overlay, left: v.positionX, top: v.positionY, blend }]);
}

export function create(width: number, height: number, background: string): Sharp {
  return sharp({ create: { width, height, channels: 4, background } }).png();
}

/** What n8n's "Get Information" reports, from sharp's metadata (not GraphicsMagick's identify). */
export async function information(content: Buffer): Promise<Record<string, unknown>> {
  const meta = await sharp(content).metadata();
  return {
    format: meta.format?.toUpperCase(),
    width: meta.width,
    height: meta.height,
    geometry: `${meta.width}x${meta.height}`,
    channels: meta.channels,
    colorspace: meta.space,
    depth: meta.depth,
    hasAlpha: meta.hasAlpha,
    ...(meta.density ? { density: meta.density } : {}),
    ...(meta.orientation ? { orientation: meta.orientation } : {}),
    ...(meta.pages ? { pages: meta.pages } : {}),
    fileSize: content.length,
  };
}

/**
 * A color as GraphicsMagick (which n8n drives) reads it: `#RRGGBBOO` ends with opacity, so `00` is
 * opaque (n8n's draw default `#ff000000` is solid red). Other colors pass through for SVG/sharp.
 */
export function graphicsMagickColor(color: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!match) return color;
  const [r, g, b, opacity] = match.slice(1).map((pair) => parseInt(pair, 16));
  return `rgba(${r},${g},${b},${Number((1 - opacity / 255).toFixed(3))})`;
}

export interface DrawValues {
  primitive: string;
  color: string;
  startPositionX: number;
  startPositionY: number;
  endPositionX: number;
  endPositionY: number;
  cornerRadius: number;
}

/** A filled rectangle or circle (centre at start, edge through end) or a one-pixel line, as an SVG overlay. */
export async function draw(image: Sharp, v: DrawValues): Promise<Sharp> {
  const { width = 0, height = 0 } = await image.metadata();
  const color = escapeXml(graphicsMagickColor(v.color));
  let shape: string;
  if (v.primitive === 'circle') {
    const radius = Math.hypot(v.endPositionX - v.startPositionX, v.endPositionY - v.startPositionY);
    shape = `<circle cx="${v.startPositionX}" cy="${v.startPositionY}" r="${radius}" fill="${color}"/>`;
  } else if (v.primitive === 'line') {
    shape = `<line x1="${v.startPositionX}" y1="${v.startPositionY}" x2="${v.endPositionX}" y2="${v.endPositionY}" stroke="${color}" stroke-width="1"/>`;
  } else if (v.primitive === 'rectangle') {
    const x = Math.min(v.startPositionX, v.endPositionX);
    const y = Math.min(v.startPositionY, v.endPositionY);
    // GraphicsMagick's rectangles include both corner pixels.
    const w = Math.abs(v.endPositionX - v.startPositionX) + 1;
    const h = Math.abs(v.endPositionY - v.startPositionY) + 1;
    shape = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${v.cornerRadius}" ry="${v.cornerRadius}" fill="${color}"/>`;
  } else throw new ImageInputError(`The primitive "${v.primitive}" is not supported`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" shape-rendering="crispEdges">${shape}</svg>`;
  return image.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
}

/** Slants the image by the given angles (x moves with y, y with x); the canvas grows to fit, filled white as GraphicsMagick does. */
export function shear(image: Sharp, degreesX: number, degreesY: number): Sharp {
  const tan = (degrees: number) => Math.tan((degrees * Math.PI) / 180);
  return image.affine([[1, tan(degreesX)], [tan(degreesY), 1]], { background: '#ffffff' });
}

/** Pixels of exactly the given color made fully transparent (an alpha channel is added when missing). */
export async function transparent(image: Sharp, color: string): Promise<Sharp> {
  const { r, g, b } = parseRgb(color);
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let at = 0; at < data.length; at += 4) {
    if (data[at] === r && data[at + 1] === g && data[at + 2] === b) data[at + 3] = 0;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } });
}

function parseRgb(color: string): { r: number; g: number; b: number } {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new ImageInputError(`The color "${color}" is not a hex color like #ff0000`);
  return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16) };
}
