import assert from 'node:assert/strict';
import { serviceUrlAllowed, validateActivity } from '../../src/http/validateActivity';

const good = { type: 'message', text: 'hi', serviceUrl: 'http://localhost:1234', conversation: { id: 'c' }, from: { id: 'u' } };

describe('validateActivity', () => {
  it('accepts a well-formed activity', () => {
    assert.equal(validateActivity(good).ok, true);
  });

  for (const [name, body] of [
    ['a string', 'hello'],
    ['a list', [good]],
    ['null', null],
    ['an empty object', {}],
    ['no type', { ...good, type: undefined }],
    ['a numeric type', { ...good, type: 5 }],
    ['no conversation', { ...good, conversation: undefined }],
    ['a javascript: serviceUrl', { ...good, serviceUrl: 'javascript:alert(1)' }],
    ['text that is an object', { ...good, text: { a: 1 } }],
  ] as const) {
    it(`refuses ${name} with a 400 and a short reason`, () => {
      const check = validateActivity(body);
      assert.equal(check.ok, false);
      if (!check.ok) {
        assert.equal(check.status, 400);
        assert.ok(check.reason.length < 120);
      }
    });
  }
});

describe('serviceUrlAllowed', () => {
  const allow = ['localhost', '127.0.0.1', '::1'];
  it('allows loopback hosts', () => {
    assert.ok(serviceUrlAllowed('http://localhost:3978/x', allow));
    assert.ok(serviceUrlAllowed('http://127.0.0.1:9/', allow));
    assert.ok(serviceUrlAllowed('http://[::1]:9/', allow));
  });
  it('refuses other hosts and look-alikes', () => {
    assert.ok(!serviceUrlAllowed('https://smba.trafficmanager.net/emea/', allow));
    assert.ok(!serviceUrlAllowed('http://localhost.evil.example/', allow));
    assert.ok(!serviceUrlAllowed('http://127.0.0.1.nip.io/', allow));
    assert.ok(!serviceUrlAllowed('not a url', allow));
  });
});
