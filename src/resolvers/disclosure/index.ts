import { DisclosureResolver } from './disclosure.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { PartyResolver } from './party.resolver.js';

export const disclosureResolvers = [DisclosureResolver, PartyResolver, NodeResolver] as const;
