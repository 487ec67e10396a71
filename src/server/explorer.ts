import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * GraphiQL with every script, style and worker inlined (about 9 MB), so the
 * explorer works with no internet; Apollo's default landing page loads from
 * a CDN. Rendered and compressed once, on first use.
 */
let page: { html: Buffer; gzip: Buffer } | undefined;

export const EXAMPLE_QUERY = `# 公开 Gongkai: one graph over Qinghai's public-resource disclosures
{
  regions { code name children { code name } }
  departments { code shortName kind }
}
`;

export function explorerPage(): { html: Buffer; gzip: Buffer } {
  if (!page) {
    const html = Buffer.from(
      renderGraphiQL({
        title: '公开 Gongkai · GraphQL explorer',
        endpoint: '/graphql',
        defaultQuery: EXAMPLE_QUERY,
        // No subscriptions yet; leaving this on would open a WebSocket nobody answers.
        subscriptionsProtocol: 'LEGACY_WS',
      } as never),
      'utf8',
    );
    page = { html, gzip: gzipSync(html) };
  }
  return page;
}
