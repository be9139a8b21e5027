import { describe, expect, it } from 'vitest';
import { phoneticKey } from './phonetic-key';

describe('phonetic key', () => {
  it('brings spelling variants together and keeps different names apart', () => {
    expect(phoneticKey('smith')).toBe(phoneticKey('smyth'));
    expect(phoneticKey('hernandez')).toBe(phoneticKey('hernandes'));
    expect(phoneticKey('smith')).not.toBe(phoneticKey('garcia'));
    expect(phoneticKey('')).toBe('');
  });
});
