import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseListen } from '../../contracts/listen.ts';

describe('parseListen', () => {
  it('parses HOST:PORT and IPv6 in brackets', () => {
    expect(parseListen('127.0.0.1:8418')).toEqual({ host: '127.0.0.1', port: 8418 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen('localhost:8417')).toEqual({ host: 'localhost', port: 8417 });
  });
  it('refuses a missing host or port, a port over 65535 and stray brackets', () => {
    for (const bad of ['8418', 'localhost', '0.0.0.0:70000', 'h:70000', ':80', '[::1:80', 'a b:80', ''])
      expect(parseListen(bad)).toBeNull();
  });
});

describe('isLoopbackHost', () => {
  it('knows the names and addresses only this machine reaches', () => {
    for (const h of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'example.org', '127.0.0.1.example.org']) expect(isLoopbackHost(h)).toBe(false);
  });
});
