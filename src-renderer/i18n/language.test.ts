import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, readLanguage, writeLanguage } from './language';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('remembered language', () => {
  it('is Thai by default', () => {
    expect(readLanguage(memoryStorage())).toBe('th');
    expect(readLanguage(null)).toBe('th');
  });

  it('round-trips through storage', () => {
    const storage = memoryStorage();
    writeLanguage(storage, 'en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readLanguage(storage)).toBe('en');
  });

  it('ignores a stored value that is not a language', () => {
    expect(readLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'fr' }))).toBe('th');
  });

  it('survives a storage that throws (blocked or full)', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readLanguage(broken)).toBe('th');
    expect(() => writeLanguage(broken, 'en')).not.toThrow();
  });
});
