import { LandSupplyByPlaceResolver } from './land-supply-layout.resolver.js';

/** Field resolvers of this module's nested types (e.g. a nested subject by credit code). */
export const landResolvers = [LandSupplyByPlaceResolver] as const;
