// Telegram Trigger's per-version rules for updates: secret token, allowed_updates, which updates
// start a run, and which file is downloaded.
import { describe, expect, it } from 'vitest';
import { allowedUpdates, fileToDownload, secretToken, startsRun } from './telegram-updates.ts';

const message = (chat: number, user: number) => ({ update_id: 1, message: { message_id: 1, chat: { id: chat }, from: { id: user }, text: 'hi' } });
const callback = (chat: number, user: number) => ({ update_id: 2, callback_query: { id: 'q', from: { id: user }, message: { chat: { id: chat } }, data: 'x' } });

describe('Telegram Trigger updates', () => {
  it('keeps only the characters Telegram allows in the secret token', () => {
    expect(secretToken('wf:1/ab', 'node id-7_x')).toBe('wf1ab_nodeid-7_x');
  });

  it('subscribes to everything for *, and from v1.5 always to callback queries', () => {
    expect(allowedUpdates(['*', 'message'], 1.2)).toEqual([]);
    expect(allowedUpdates(['message'], 1.4)).toEqual(['message']);
    expect(allowedUpdates(['message'], 1.5)).toEqual(['message', 'callback_query']);
  });

  it('restricts chats and users from v1.2, reading other update kinds from v1.4', () => {
    const fields = { chatIds: '42, 43', userIds: '7' };
    expect(startsRun(message(99, 7), [], fields, 1.1)).toBe(true);
    expect(startsRun(message(42, 7), [], fields, 1.2)).toBe(true);
    expect(startsRun(message(99, 7), [], fields, 1.2)).toBe(false);
    expect(startsRun(message(42, 8), [], fields, 1.2)).toBe(false);
    expect(startsRun(callback(42, 7), [], fields, 1.3)).toBe(false);
    expect(startsRun(callback(42, 7), [], fields, 1.4)).toBe(true);
  });

  it('from v1.5 drops update kinds the trigger did not ask for', () => {
    expect(startsRun(callback(42, 7), ['message'], {}, 1.4)).toBe(true);
    expect(startsRun(callback(42, 7), ['message'], {}, 1.5)).toBe(false);
    expect(startsRun(callback(42, 7), ['*'], {}, 1.5)).toBe(true);
    expect(startsRun(message(42, 7), ['message'], {}, 1.5)).toBe(true);
  });

  it('downloads the photo in the chosen size (else the only one), a video or a document', () => {
    const photo = [{ file_id: 's' }, { file_id: 'm' }, { file_id: 'l' }];
    expect(fileToDownload({ message: { photo } }, 'large')).toBe('l');
    expect(fileToDownload({ message: { photo } }, 'extraLarge')).toBe('s');
    expect(fileToDownload({ channel_post: { document: { file_id: 'd' } } }, 'large')).toBe('d');
    expect(fileToDownload({ message: { video: { file_id: 'v' }, document: { file_id: 'd' } } }, 'large')).toBe('v');
    expect(fileToDownload({ message: { text: 'no file' } }, 'large')).toBeUndefined();
  });
});
