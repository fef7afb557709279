import { describe, expect, it } from 'vitest';
import { hostIsAllowed, judgeAddress, noAllowances, parseAllowList } from './address-policy.js';

describe('the address policy', () => {
  // Written out rather than read from ipaddr.js, so a range the library stops refusing shows up here.
  const refused: [string, string][] = [
    ['127.0.0.1', 'a loopback address'],
    ['127.9.9.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.3.4', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'the cloud metadata address'],
    ['fd00:ec2::254', 'the cloud metadata address'],
    ['169.254.10.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['100.127.255.254', 'a carrier-grade NAT address'],
    ['fc00::1', 'a unique-local address'],
    ['fdff:ffff::1', 'a unique-local address'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a broadcast address'],
    ['192.0.2.10', 'a reserved address (reserved)'],
    ['64:ff9b::a00:1', 'a reserved address (rfc6052)'],
  ];
  it.each(refused)('refuses %s as %s', (address, kind) => {
    expect(judgeAddress(noAllowances, address)).toMatchObject({ allowed: false, kind });
  });

  it.each(['93.184.216.34', '8.8.8.8', '100.128.0.1', '172.32.0.1', '2606:4700::1111'])(
    'allows the public address %s, as not listed',
    (address) => {
      expect(judgeAddress(noAllowances, address)).toEqual({ allowed: true, listed: false });
    },
  );

  it('allows exactly the ranges and addresses of the allow list', () => {
    const policy = parseAllowList(' 10.20.0.0/16, 127.0.0.1 ,fd00::/8, ::1');
    expect(judgeAddress(policy, '10.20.3.4')).toEqual({ allowed: true, listed: true });
    expect(judgeAddress(policy, '::ffff:10.20.3.4')).toEqual({ allowed: true, listed: true });
    expect(judgeAddress(policy, '10.21.0.1')).toMatchObject({ allowed: false, kind: 'a private address' });
    expect(judgeAddress(policy, '127.0.0.1')).toEqual({ allowed: true, listed: true });
    expect(judgeAddress(policy, '127.0.0.2')).toMatchObject({ allowed: false });
    expect(judgeAddress(policy, 'fd12::1')).toEqual({ allowed: true, listed: true });
    expect(judgeAddress(policy, 'fc00::1')).toMatchObject({ allowed: false });
    expect(judgeAddress(policy, '::1')).toEqual({ allowed: true, listed: true });
  });

  it('lists host names case-insensitively, without opening their look-alikes', () => {
    const policy = parseAllowList('Mirror.Corp.example,localhost');
    expect(hostIsAllowed(policy, 'mirror.corp.example')).toBe(true);
    expect(hostIsAllowed(policy, 'MIRROR.corp.example.')).toBe(true);
    expect(hostIsAllowed(policy, 'localhost')).toBe(true);
    expect(hostIsAllowed(policy, 'evil-mirror.corp.example')).toBe(false);
    expect(hostIsAllowed(policy, 'corp.example')).toBe(false);
  });

  it('names the entry it cannot read', () => {
    expect(() => parseAllowList('10.0.0.0/8,10.0.0.0/99')).toThrow('"10.0.0.0/99" is not a CIDR range');
    expect(() => parseAllowList('*.corp.example')).toThrow('"*.corp.example" is neither');
  });

  it('reads an empty allow list as no allowances', () => {
    expect(parseAllowList(' , ')).toEqual({ hosts: new Set(), ranges: [] });
  });
});
