import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The connector client's transport seam, typed from botbuilder's own signature (the compat types
 * live in packages this repo does not depend on directly).
 */
type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
export type ConnectorRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];
export type ConnectorResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
export type HeadersLike = ConnectorResponse['headers'];
