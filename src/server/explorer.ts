import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { loadExamples } from './examples.js';

/**
 * GraphiQL with every script, style and worker inlined (about 9 MB), so the
 * explorer works with no internet; Apollo's default landing page loads from
 * a CDN. Rendered and compressed once, on first use.
 */
let page: ExplorerPage | undefined;

/** The page as is and in each content coding compression.ts may choose. */
export interface ExplorerPage {
  html: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export const EXAMPLE_QUERY = `# 公开 Gongkai: one graph over Qinghai's public-resource disclosures
{
  regions { code name children { code name } }
  departments { code shortName kind }
}
`;

/** A GraphiQL tab: the operation, and its variables as JSON text. */
interface ExplorerTab {
  query: string;
  variables?: string;
}

/** EXAMPLE_QUERY first, then one tab per file in examples/, its variables' defaults filled in. */
export function explorerTabs(): ExplorerTab[] {
  return [
    { query: EXAMPLE_QUERY },
    ...loadExamples().map((example) =>
      Object.keys(example.defaults).length ? { query: example.query, variables: JSON.stringify(example.defaults, null, 2) } : { query: example.query },
    ),
  ];
}

export function explorerPage(): ExplorerPage {
  if (!page) {
    const html = Buffer.from(
      renderGraphiQL({
        title: '公开 Gongkai · GraphQL explorer',
        endpoint: '/graphql',
        // The tabs a first visit opens; GraphiQL keeps a visitor's own tabs (in the
        // browser's storage) over these from then on. A new tab starts with EXAMPLE_QUERY.
        defaultTabs: explorerTabs(),
        defaultQuery: EXAMPLE_QUERY,
        // No subscriptions yet; leaving this on would open a WebSocket nobody answers.
        subscriptionsProtocol: 'LEGACY_WS',
      } as never),
      'utf8',
    );
    // Brotli at quality 6: most of 11's gain on this page, in a fraction of its time.
    page = { html, gzip: gzipSync(html), br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }) };
  }
  return page;
}
