// Reading Drive resource locators ({__rl, mode, value}) and the plain IDs/URLs older versions take:
// a link gives the ID inside it, as n8n's extractValue regexes do.
import type { JsonObject } from '../../engine/index.ts';

export const MY_DRIVE = 'My Drive';
export const ROOT_FOLDER = 'root';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

const FILE_LINK = /https:\/\/(?:drive|docs)\.google\.com\/\w+\/d\/([0-9a-zA-Z\-_]+)/;
const FOLDER_LINK = /https:\/\/drive\.google\.com(?:\/.*|)\/folders\/([0-9a-zA-Z\-_]+)/;

/** The ID a locator (or a plain string) names; links are reduced to their ID. */
export function locatorId(locator: unknown): string {
  const raw = locator && typeof locator === 'object' ? (locator as JsonObject).value : locator;
  const text = String(raw ?? '').trim();
  const link = FILE_LINK.exec(text) ?? FOLDER_LINK.exec(text);
  return link ? link[1] : text;
}

/** The name the editor cached for a list choice (n8n's cachedResultName). */
export function cachedName(locator: unknown): string | undefined {
  const name = locator && typeof locator === 'object' ? (locator as JsonObject).cachedResultName : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** n8n's setParentFolder: the folder, else the shared drive's root, else My Drive's root. */
export function parentFolder(folderId: string, driveId: string): string {
  if (folderId && folderId !== ROOT_FOLDER) return folderId;
  if (driveId && driveId !== MY_DRIVE) return driveId;
  return ROOT_FOLDER;
}
