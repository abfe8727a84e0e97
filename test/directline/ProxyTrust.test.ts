import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { addressKey, ProxyTrust } from '../../src/directline/ProxyTrust';
import { ConfigError, loadConfig } from '../../src/config';

const request = (peer: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage;

describe('who is asking, behind proxies', () => {
  it('without trusted proxies, ignores X-Forwarded-For: a client cannot pick its own address', () => {
    const trust = new ProxyTrust([]);
    assert.equal(trust.clientAddress(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' })), '203.0.113.9');
  });

  it('believes the hop a trusted load balancer appended, not what the client wrote before it', () => {
    const trust = new ProxyTrust(['10.0.0.0/8']);
    const spoofed = request('10.1.2.3', { 'x-forwarded-for': '1.1.1.1, 203.0.113.9' });
    assert.equal(trust.clientAddress(spoofed), '203.0.113.9');
  });

  it('walks through a chain of trusted proxies, and stops at the first untrusted hop', () => {
    const trust = new ProxyTrust(['10.0.0.1', '192.168.0.0/16']);
    assert.equal(trust.clientAddress(request('::ffff:10.0.0.1', { 'x-forwarded-for': '203.0.113.9, 192.168.4.4' })), '203.0.113.9');
    assert.equal(trust.clientAddress(request('10.0.0.1', { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' })), '198.51.100.7');
  });

  it('reads addresses with ports (as Azure Application Gateway writes them) and ignores garbage', () => {
    const trust = new ProxyTrust(['10.0.0.1']);
    assert.equal(trust.clientAddress(request('10.0.0.1', { 'x-forwarded-for': '203.0.113.9:51234' })), '203.0.113.9');
    assert.equal(trust.clientAddress(request('10.0.0.1', { 'x-forwarded-for': '[2001:db8::7]:443' })), '2001:db8::7');
    assert.equal(trust.clientAddress(request('10.0.0.1', { 'x-forwarded-for': 'not-an-address' })), '10.0.0.1');
  });

  it('takes the scheme from a trusted proxy only', () => {
    const trust = new ProxyTrust(['10.0.0.1']);
    assert.equal(trust.protocol(request('10.0.0.1', { 'x-forwarded-proto': 'https' })), 'https');
    assert.equal(trust.protocol(request('203.0.113.9', { 'x-forwarded-proto': 'https' })), 'http');
  });

  it('counts IPv6 clients by their /64, IPv4 clients by address', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
  });

  it('refuses TRUSTED_PROXIES entries that are not addresses or ranges, at start', () => {
    assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,127.0.0.1' }).TRUSTED_PROXIES, ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1']);
    for (const bad of ['loadbalancer.internal', '10.0.0.0/33', '10.0.0.1/8/2']) {
      assert.throws(() => loadConfig({ TRUSTED_PROXIES: bad }), (err: unknown) => err instanceof ConfigError && /TRUSTED_PROXIES/.test(err.message));
    }
  });
});
