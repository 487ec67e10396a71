import { BidCandidateResolver } from './bid-candidate.resolver.js';

/** Field resolvers of this module's nested types (e.g. a nested subject by credit code). */
export const biddingResolvers = [BidCandidateResolver] as const;
