import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from './browser-path';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findChromium', () => {
  it('takes EBILL_CHROMIUM first, then CHROMIUM_PATH, and refuses a configured path that does not exist', () => {
    expect(findChromium({ EBILL_CHROMIUM: '/opt/c/chrome', CHROMIUM_PATH: '/usr/bin/chromium' }, 'linux', only('/opt/c/chrome', '/usr/bin/chromium'))).toBe('/opt/c/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/opt/old' }, 'linux', only('/opt/old', '/usr/bin/chromium'))).toBe('/opt/old');
    expect(() => findChromium({ EBILL_CHROMIUM: '/opt/typo' }, 'linux', only('/usr/bin/chromium'))).toThrow(expect.objectContaining({ code: 'RENDER_FAILED', message: expect.stringContaining('EBILL_CHROMIUM=/opt/typo') }));
  });

  it("finds Debian's chromium on Linux and Edge before Chrome on Windows", () => {
    expect(findChromium({}, 'linux', only('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    const env = { 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' };
    const candidates = chromiumCandidates(env, 'win32');
    expect(candidates[0]).toMatch(/Microsoft[\\/]Edge[\\/]Application[\\/]msedge\.exe$/);
    expect(candidates.some((path) => /AppData[\\/]Local[\\/]Google[\\/]Chrome[\\/]Application[\\/]chrome\.exe$/.test(path))).toBe(true);
    const chrome = candidates.find((path) => path.endsWith('chrome.exe')) ?? '';
    expect(findChromium(env, 'win32', only(chrome))).toBe(chrome);
  });

  it('says what to install or set when there is no browser at all', () => {
    expect(() => findChromium({}, 'linux', () => false)).toThrow(expect.objectContaining({ code: 'RENDER_FAILED', message: expect.stringMatching(/No Chromium, Edge or Chrome.*set EBILL_CHROMIUM/) }));
  });
});
