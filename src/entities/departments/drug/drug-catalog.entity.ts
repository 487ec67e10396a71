import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DrugType } from './drug-enums.js';

@ObjectType({ description: '采购目录条目 (one drug or vaccine in the catalogue)' })
export class DrugCatalogItem {
  @Field({ description: '名称（药品、疫苗通用名）' })
  drugName!: string;

  @Field(() => DrugType, { description: '类型' })
  drugType!: DrugType;

  @Field({ description: '规格' })
  specification!: string;
}

@Entity({ tableName: 'drug_catalog' })
@ObjectType({ implements: [Node, Disclosure], description: '药品（疫苗）采购 · 采购目录' })
export class DrugCatalog {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  // One published catalogue lists many drugs; they are read together, never on their own.
  @Property({ type: 'json' })
  @Field(() => [DrugCatalogItem], { description: '采购目录（药品、疫苗名称、类型、规格）' })
  items!: DrugCatalogItem[];
}
