import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/**
 * CloudAdapter with its request handling opened up: `CloudAdapter.process` writes raw error
 * messages into the HTTP body and prints stack traces to stdout, so the HTTP route validates and
 * answers itself and only asks the adapter to authenticate and run the turn.
 */
export class HttpAdapter extends CloudAdapter {
  /** Authenticates the request (JWT when credentials are configured) and runs the turn. */
  async runActivity(
    authHeader: string,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * A Bot Connector client for the bot's own calls outside any turn (posting to the staff Teams
   * channel), with the bot's credentials when configured and none otherwise — as replies get.
   */
  async connectorFor(serviceUrl: string, botAppId: string): Promise<ConnectorClient> {
    return this.botFrameworkAuthentication.createConnectorFactory(this.createClaimsIdentity(botAppId)).create(serviceUrl, undefined);
  }
}
