/** Field resolvers of this module's nested types (none yet: every subject of a procurement record is a party). */
export const procurementResolvers = [] as const;
