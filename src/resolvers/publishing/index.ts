import { PublishingResolver } from './publishing.resolver.js';

export const publishingResolvers = [PublishingResolver] as const;
