import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('starts on the embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3978);
    assert.equal(config.botAuthEnabled, false);
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.whatsappEnabled, false);
    assert.deepEqual(config.WHATSAPP_CHANNEL_IDS, ['whatsapp']);
    assert.equal(config.sources.PORT, 'default');
  });

  it('reads settings and says where they came from', () => {
    const config = loadConfig({ PORT: '4000', MicrosoftAppId: 'abc', WHATSAPP_CHANNEL_IDS: 'WhatsApp, infobip-whatsapp' });
    assert.equal(config.PORT, 4000);
    assert.equal(config.botAuthEnabled, true);
    assert.deepEqual(config.WHATSAPP_CHANNEL_IDS, ['whatsapp', 'infobip-whatsapp']);
    assert.equal(config.sources.PORT, 'environment');
  });

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ MicrosoftAppId: '  ', DATABASE_URL: '' }).botAuthEnabled, false);
  });

  it('refuses a bad value, naming the setting but not echoing secrets', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty', STAFF_API_TOKEN: 's3cret' }), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /PORT/);
      assert.doesNotMatch(err.message, /s3cret/);
      return true;
    });
  });
});
