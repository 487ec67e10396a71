import { Migration } from '@mikro-orm/migrations';

export class Migration20261127225444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "domain" as enum ('HOUSING', 'LAND_TRANSFER', 'MINING_RIGHTS', 'GOVERNMENT_PROCUREMENT', 'STATE_PROPERTY_RIGHTS', 'CONSTRUCTION_BIDDING', 'DRUG_PROCUREMENT', 'EMISSION_RIGHTS');`);
    this.addSql(`create type "disclosure_status" as enum ('PENDING', 'PUBLISHED', 'RETRACTED');`);
    this.addSql(`create type "exemption" as enum ('NONE', 'STATE_SECRET', 'COMMERCIAL_SECRET', 'PERSONAL_PRIVACY', 'OTHER');`);
    this.addSql(`create type "property_transfer_method" as enum ('AGREEMENT', 'AUCTION', 'TENDER', 'ONLINE_BIDDING', 'NON_PUBLIC_AGREEMENT');`);
    this.addSql(`create type "property_bidding_method" as enum ('AUCTION', 'TENDER', 'ONLINE_MULTIPLE_ROUNDS', 'ONLINE_SINGLE_ROUND', 'ONLINE_WEIGHTED');`);
    this.addSql(`create type "supervision_kind" as enum ('COMPLAINT_DECISION', 'INSPECTION_DECISION', 'AGENCY_ASSESSMENT', 'VIOLATION_RECORD');`);
    this.addSql(`create type "procurement_method" as enum ('OPEN_TENDER', 'INVITED_TENDER', 'COMPETITIVE_NEGOTIATION', 'COMPETITIVE_CONSULTATION', 'SINGLE_SOURCE', 'REQUEST_FOR_QUOTATION', 'FRAMEWORK_AGREEMENT');`);
    this.addSql(`create type "evaluation_method" as enum ('COMPREHENSIVE_SCORING', 'LOWEST_EVALUATED_PRICE');`);
    this.addSql(`create type "bidding_submission_method" as enum ('ONLINE', 'ON_SITE', 'ONLINE_AND_ON_SITE');`);
    this.addSql(`create type "bidding_prequalification_method" as enum ('PASS_FAIL', 'LIMITED_NUMBER');`);
    this.addSql(`create type "party_role" as enum ('PURCHASER', 'AGENCY', 'WINNER', 'CANDIDATE', 'SUPPLIER', 'GRANTEE', 'TRANSFEROR', 'TRANSFEREE', 'RIGHT_HOLDER', 'TENDERER', 'BIDDER', 'CONTRACTOR', 'DEVELOPER', 'TRADING_ENTERPRISE', 'SANCTIONED');`);
    this.addSql(`create type "area_unit" as enum ('SQUARE_METRE', 'MU', 'HECTARE', 'SQUARE_KILOMETRE');`);
    this.addSql(`create type "mining_transfer_method" as enum ('TENDER', 'AUCTION', 'LISTING', 'AGREEMENT', 'FIRST_TO_APPLY');`);
    this.addSql(`create type "mining_payment_method" as enum ('LUMP_SUM', 'INSTALMENTS');`);
    this.addSql(`create type "mining_right_kind" as enum ('MINING', 'EXPLORATION');`);
    this.addSql(`create type "mining_application_type" as enum ('NEW', 'EXTENSION', 'CHANGE', 'TRANSFER', 'RETENTION', 'CANCELLATION');`);
    this.addSql(`create type "land_transfer_method" as enum ('TENDER', 'AUCTION', 'LISTING');`);
    this.addSql(`create type "land_use" as enum ('COMMERCIAL_SERVICE', 'INDUSTRIAL_MINING_STORAGE', 'RESIDENTIAL', 'PUBLIC_ADMINISTRATION_AND_SERVICE', 'SPECIAL', 'TRANSPORTATION', 'WATER_CONSERVANCY', 'OTHER');`);
    this.addSql(`create type "housing_project_type" as enum ('PUBLIC_RENTAL', 'LOW_RENT', 'ECONOMICAL', 'PRICE_CAPPED', 'SHARED_OWNERSHIP', 'SHANTYTOWN_RENOVATION', 'OLD_COMMUNITY_RENOVATION', 'AFFORDABLE_RENTAL');`);
    this.addSql(`create type "mining_exploration_degree" as enum ('RECONNAISSANCE', 'PROSPECTING', 'GENERAL_EXPLORATION', 'DETAILED_EXPLORATION');`);
    this.addSql(`create type "emission_pollutant" as enum ('COD', 'AMMONIA_NITROGEN', 'SULPHUR_DIOXIDE', 'NITROGEN_OXIDES', 'TOTAL_PHOSPHORUS', 'TOTAL_NITROGEN', 'PARTICULATE_MATTER', 'VOLATILE_ORGANIC_COMPOUNDS');`);
    this.addSql(`create type "drug_drug_type" as enum ('CHEMICAL', 'CHINESE_PATENT', 'BIOLOGICAL', 'VACCINE');`);
    this.addSql(`create type "drug_procurement_method" as enum ('CENTRALISED_TENDER', 'VOLUME_BASED', 'NEGOTIATED', 'ONLINE_LISTING', 'DIRECT_LISTING');`);
    this.addSql(`create type "bidding_acceptance_grade" as enum ('PASSED', 'FAILED');`);
    this.addSql(`create type "channel" as enum ('GOVERNMENT_WEBSITE', 'PRESS_CONFERENCE', 'WEIBO', 'WECHAT', 'CLIENT_APP', 'RADIO', 'TV', 'NEWSPAPER', 'BULLETIN_BOARD', 'SERVICE_HALL', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI', 'MOBILE', 'SELF_SERVICE_TERMINAL', 'HOTLINE');`);
    this.addSql(`create type "bidding_project_approval_kind" as enum ('EXAMINATION', 'CONFIRMATION', 'FILING');`);
    this.addSql(`create type "bidding_tendering_method" as enum ('OPEN', 'INVITED');`);
    this.addSql(`create type "bidding_tendering_organisation" as enum ('SELF', 'ENTRUSTED');`);
    this.addSql(`create type "time_limit_unit" as enum ('WORKING_DAYS', 'CALENDAR_DAYS');`);
    this.addSql(`create type "disclosure_mode" as enum ('PROACTIVE', 'ON_REQUEST');`);
    this.addSql(`create type "responsibility_role" as enum ('LEAD', 'RESPONSIBLE');`);
    this.addSql(`create type "subject_kind" as enum ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION', 'SOCIAL_ORGANISATION', 'GOVERNMENT_ORGAN', 'NATURAL_PERSON', 'OTHER');`);
    this.addSql(`create type "credit_list" as enum ('RED', 'BLACK');`);
    this.addSql(`create table "disclosure" ("id" serial primary key, "domain" "domain" not null, "category" varchar(32) not null, "title" varchar(500) not null, "region_code" varchar(6) not null, "publisher_code" varchar(32) not null, "amount" numeric(18,2) null, "formed_on" date not null, "published_on" date null, "project_code" varchar(64) null, "status" "disclosure_status" not null, "exemption" "exemption" not null default 'NONE', "exemption_basis" text null, "version" int not null default 1, "retracted_on" date null, "retraction_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "disclosure_region_code_index" on "disclosure" ("region_code");`);
    this.addSql(`create index "disclosure_publisher_code_index" on "disclosure" ("publisher_code");`);
    this.addSql(`create index "disclosure_amount_index" on "disclosure" ("amount");`);
    this.addSql(`create index "disclosure_formed_on_index" on "disclosure" ("formed_on");`);
    this.addSql(`create index "disclosure_published_on_index" on "disclosure" ("published_on");`);
    this.addSql(`create index "disclosure_domain_category_index" on "disclosure" ("domain", "category");`);

    this.addSql(`create table "property_result" ("disclosure_id" int not null, "project_no" varchar(64) not null, "object_name" varchar(300) not null, "price" numeric(18,2) not null, "deal_time" timestamptz not null, "transfer_method" "property_transfer_method" not null, constraint "property_result_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "property_notice" ("disclosure_id" int not null, "overview" text not null, "listing_price" numeric(18,2) not null, "listing_period" jsonb not null, "asset_valuation" jsonb not null, "bidding_method" "property_bidding_method" not null, "conditions" text not null, "transferee_qualifications" text not null, constraint "property_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "property_approval" ("disclosure_id" int not null, "approval" jsonb not null, "object" jsonb not null, constraint "property_approval_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "procurement_supervision" ("disclosure_id" int not null, "kind" "supervision_kind" not null, "decision_no" varchar(100) not null, "decided_on" date not null, "decision" text not null, "penalty" text null, constraint "procurement_supervision_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "procurement_result" ("disclosure_id" int not null, "project_name" varchar(300) not null, "award_amount" numeric(18,2) not null, "review_experts" jsonb not null, constraint "procurement_result_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "procurement_notice" ("disclosure_id" int not null, "method" "procurement_method" not null, "supplier_qualifications" text not null, "content" text not null, "budget" numeric(18,2) not null, constraint "procurement_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "procurement_documents" ("disclosure_id" int not null, "supplier_instructions" text not null, "technical_requirements" text not null, "contract_terms" text not null, "contract_template" text not null, "evaluation_method" "evaluation_method" not null, "document_url" varchar(2048) null, constraint "procurement_documents_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "procurement_contract" ("disclosure_id" int not null, "contract_no" varchar(64) not null, "project_no" varchar(64) not null, "signed_on" date not null, constraint "procurement_contract_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "bidding_prequalification_notice" ("disclosure_id" int not null, "overview" text not null, "conditions" text not null, "scope" text not null, "document_sale_from" timestamptz not null, "document_sale_until" timestamptz not null, "document_sale_method" varchar(300) not null, "document_sale_place" varchar(300) null, "document_sale_price" numeric(18,2) null, "application_deadline" timestamptz not null, "application_method" "bidding_submission_method" not null, "application_place" varchar(300) null, "criteria" text not null, "method" "bidding_prequalification_method" not null, constraint "bidding_prequalification_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "disclosure_party" ("disclosure_id" int not null, "role" "party_role" not null, "credit_code" varchar(18) not null, "rank" smallint null, constraint "disclosure_party_pkey" primary key ("disclosure_id", "role", "credit_code"));`);
    this.addSql(`create index "disclosure_party_credit_code_disclosure_id_index" on "disclosure_party" ("credit_code", "disclosure_id");`);

    this.addSql(`create table "mining_notice" ("disclosure_id" int not null, "project_name" varchar(300) not null, "mineral" varchar(100) not null, "location" varchar(500) not null, "boundary_coordinates" jsonb not null, "area_value" numeric(16,4) not null, "area_unit" "area_unit" not null, "production_scale" jsonb not null, "transfer_method" "mining_transfer_method" not null, constraint "mining_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "mining_deal" ("disclosure_id" int not null, "right_summary" jsonb not null, "deal_time" timestamptz not null, "deal_place" varchar(300) not null, "price" numeric(18,2) not null, "payment_method" "mining_payment_method" not null, "payment_terms" text null, constraint "mining_deal_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "mining_approval" ("disclosure_id" int not null, "right_kind" "mining_right_kind" not null, "license_no" varchar(64) not null, "valid_until" date not null, "application_type" "mining_application_type" not null, constraint "mining_approval_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "land_transfer_notice" ("disclosure_id" int not null, "transfer_method" "land_transfer_method" not null, "parcel_info" jsonb not null, "planning_indicators" jsonb not null, "bidder_qualifications" text not null, "schedule" jsonb not null, constraint "land_transfer_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "land_deal" ("disclosure_id" int not null, "parcel_no" varchar(64) not null, "location" varchar(500) not null, "land_use" "land_use" not null, "area_value" numeric(16,4) not null, "area_unit" "area_unit" not null, "spatial_extent" jsonb not null, "term_years" smallint not null, "price" numeric(18,2) not null, constraint "land_deal_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "land_supply_plan" ("disclosure_id" int not null, "plan_year" smallint not null, "total_supply_value" numeric(16,4) not null, "total_supply_unit" "area_unit" not null, "supply_structure" jsonb not null, "supply_layout" jsonb not null, "supply_method" jsonb not null, constraint "land_supply_plan_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "housing_scheme" ("disclosure_id" int not null, "project_name" varchar(300) not null, "project_type" "housing_project_type" not null, "location" varchar(500) not null, "land_nature" varchar(100) not null, "site_area_value" numeric(16,4) not null, "site_area_unit" "area_unit" not null, "construction_content" text not null, "planning_indicators" jsonb not null, constraint "housing_scheme_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "housing_plan_progress" ("disclosure_id" int not null, "year" smallint not null, "progress" jsonb not null, "started_projects" jsonb not null, "completed_projects" jsonb not null, "supporting_facilities" text not null, constraint "housing_plan_progress_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "housing_annual_plan" ("disclosure_id" int not null, "year" smallint not null, "task_quantity" int not null, "task_breakdown" jsonb not null, "planned_projects" jsonb not null, "planned_unit_types" jsonb not null, constraint "housing_annual_plan_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "housing_allocation" ("disclosure_id" int not null, "policy" text not null, "recipients" text not null, "housing_stock" jsonb not null, "procedure" text not null, "process" text null, "result" jsonb null, constraint "housing_allocation_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "mining_exploration_notice" ("disclosure_id" int not null, "project_name" varchar(300) not null, "location" varchar(500) not null, "mineral" varchar(100) not null, "boundary_coordinates" jsonb not null, "area_value" numeric(16,4) not null, "area_unit" "area_unit" not null, "exploration_degree" "mining_exploration_degree" not null, "term_years" smallint not null, "transfer_method" "mining_transfer_method" not null, "qualifications" text not null, "time_rules" jsonb not null, "bidding_requirements" text not null, constraint "mining_exploration_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "emission_auction_result" ("disclosure_id" int not null, "pollutant" "emission_pollutant" not null, "quantity" numeric(16,4) not null, constraint "emission_auction_result_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "emission_auction_notice" ("disclosure_id" int not null, "object" jsonb not null, "registration_conditions" text not null, "application_materials" text not null, constraint "emission_auction_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "drug_result" ("disclosure_id" int not null, "drug_name" varchar(200) not null, "drug_type" "drug_drug_type" not null, "price" numeric(18,2) not null, "spec_packaging" varchar(200) not null, constraint "drug_result_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "drug_notice" ("disclosure_id" int not null, "scope" text not null, "method" "drug_procurement_method" not null, "period" jsonb not null, "quantity" jsonb not null, constraint "drug_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "drug_catalog" ("disclosure_id" int not null, "items" jsonb not null, constraint "drug_catalog_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "disclosure_revision" ("disclosure_id" int not null, "version" int not null, "changed_on" date not null, "reason" text not null, "title" varchar(500) not null, "amount" numeric(18,2) null, "formed_on" date not null, "snapshot" jsonb not null, constraint "disclosure_revision_pkey" primary key ("disclosure_id", "version"));`);

    this.addSql(`create table "bidding_contract_performance" ("disclosure_id" int not null, "main_terms" text not null, "contract_price" numeric(18,2) not null, "signed_on" date not null, "started_on" date null, "progress" jsonb not null, "completed_on" date null, "acceptance_grade" "bidding_acceptance_grade" null, constraint "bidding_contract_performance_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "disclosure_publication" ("id" serial primary key, "disclosure_id" int not null, "channel" "channel" not null, "published_on" date not null, "url" varchar(2048) null);`);
    this.addSql(`create index "disclosure_publication_disclosure_id_index" on "disclosure_publication" ("disclosure_id");`);

    this.addSql(`create table "bidding_result" ("disclosure_id" int not null, "winning_bid" numeric(18,2) not null, "complaint_channel" text not null, "complaint_method" text not null, constraint "bidding_result_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "bidding_approval" ("disclosure_id" int not null, "project_approval_kind" "bidding_project_approval_kind" not null, "project_approval_document_no" varchar(100) not null, "project_approval_decided_on" date not null, "project_approval_authority" varchar(200) not null, "design_budget_document_no" varchar(100) null, "design_budget_approved_on" date null, "design_budget_approved_budget" numeric(18,2) null, "tendering_scope" text null, "tendering_method" "bidding_tendering_method" null, "tendering_organisation" "bidding_tendering_organisation" null, constraint "bidding_approval_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "bidding_market_credit" ("disclosure_id" int not null, "bidder_basics" jsonb not null, "credit_level" varchar(16) not null, "performance_capacity" text not null, "personnel_reputation" text not null, constraint "bidding_market_credit_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "bidding_candidates" ("disclosure_id" int not null, "candidates" jsonb not null, "objection_channel" text not null, "evaluation_report_received_on" date not null, "publicity_from" date not null, "publicity_until" date not null, constraint "bidding_candidates_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "catalogue_item" ("item_id" serial primary key, "domain" "domain" not null, "category" varchar(32) not null, "region_code" varchar(6) not null, "item" varchar(200) not null, "content_elements" text[] not null, "time_limit_amount" smallint not null, "time_limit_unit" "time_limit_unit" not null, "time_limit_basis" text not null, "disclosure_mode" "disclosure_mode" not null, "channels" "channel"[] not null, "responsible_department_code" varchar(32) not null, "supervision_channel" text not null, "version" smallint not null, "valid_from" date not null, "valid_until" date null);`);
    this.addSql(`create index "catalogue_item_domain_category_region_code_valid_until_index" on "catalogue_item" ("domain", "category", "region_code", "valid_until");`);
    this.addSql(`alter table "catalogue_item" add constraint "catalogue_item_domain_category_region_code_version_unique" unique ("domain", "category", "region_code", "version");`);

    this.addSql(`create table "responsibility" ("domain" "domain" not null, "department_code" varchar(32) not null, "role" "responsibility_role" not null, constraint "responsibility_pkey" primary key ("domain", "department_code"));`);

    this.addSql(`create table "housing_rural_renovation" ("disclosure_id" int not null, "year" smallint not null, "policy" text not null, "subsidy_scope" text not null, "target_identification" text not null, "subsidy_standard" jsonb not null, "tasks_and_completion" jsonb not null, constraint "housing_rural_renovation_pkey" primary key ("disclosure_id"));`);

    this.addSql(`create table "subject" ("credit_code" varchar(18) not null, "name" varchar(200) not null, "kind" "subject_kind" not null, "region_code" varchar(6) null, "legal_representative" varchar(100) null, "credit_level" varchar(16) null, "performance_capacity" text null, "personnel_reputation" text null, constraint "subject_pkey" primary key ("credit_code"));`);
    this.addSql(`create index "subject_region_code_index" on "subject" ("region_code");`);

    this.addSql(`create table "credit_entry" ("entry_id" serial primary key, "list" "credit_list" not null, "credit_code" varchar(18) not null, "reason" text not null, "legal_basis" text not null, "decided_by_code" varchar(32) not null, "decided_on" date not null, "valid_from" date not null, "valid_until" date null, "measures" jsonb not null, "revoked_on" date null, "revocation_reason" text null, "basis_disclosure_id" int null);`);
    this.addSql(`create index "credit_entry_decided_by_code_index" on "credit_entry" ("decided_by_code");`);
    this.addSql(`create index "credit_entry_decided_on_index" on "credit_entry" ("decided_on");`);
    this.addSql(`create index "credit_entry_credit_code_list_index" on "credit_entry" ("credit_code", "list");`);

    this.addSql(`create table "bidding_tender_notice" ("disclosure_id" int not null, "overview" text not null, "conditions" text not null, "scope" text not null, "document_access_from" timestamptz not null, "document_access_until" timestamptz not null, "document_access_method" varchar(300) not null, "document_access_place" varchar(300) null, "document_access_price" numeric(18,2) null, "submission_deadline" timestamptz not null, "submission_method" "bidding_submission_method" not null, "submission_place" varchar(300) null, constraint "bidding_tender_notice_pkey" primary key ("disclosure_id"));`);

    this.addSql(`alter table "disclosure" add constraint "disclosure_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade;`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_publisher_code_foreign" foreign key ("publisher_code") references "department" ("code") on update cascade;`);

    this.addSql(`alter table "property_result" add constraint "property_result_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "property_notice" add constraint "property_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "property_approval" add constraint "property_approval_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "procurement_supervision" add constraint "procurement_supervision_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "procurement_result" add constraint "procurement_result_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "procurement_notice" add constraint "procurement_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "procurement_documents" add constraint "procurement_documents_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "procurement_contract" add constraint "procurement_contract_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_prequalification_notice" add constraint "bidding_prequalification_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "disclosure_party" add constraint "disclosure_party_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mining_notice" add constraint "mining_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mining_deal" add constraint "mining_deal_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mining_approval" add constraint "mining_approval_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "land_transfer_notice" add constraint "land_transfer_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "land_deal" add constraint "land_deal_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "land_supply_plan" add constraint "land_supply_plan_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "housing_scheme" add constraint "housing_scheme_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "housing_plan_progress" add constraint "housing_plan_progress_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "housing_annual_plan" add constraint "housing_annual_plan_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "housing_allocation" add constraint "housing_allocation_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mining_exploration_notice" add constraint "mining_exploration_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "emission_auction_result" add constraint "emission_auction_result_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "emission_auction_notice" add constraint "emission_auction_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "drug_result" add constraint "drug_result_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "drug_notice" add constraint "drug_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "drug_catalog" add constraint "drug_catalog_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "disclosure_revision" add constraint "disclosure_revision_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_contract_performance" add constraint "bidding_contract_performance_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "disclosure_publication" add constraint "disclosure_publication_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_result" add constraint "bidding_result_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_approval" add constraint "bidding_approval_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_market_credit" add constraint "bidding_market_credit_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bidding_candidates" add constraint "bidding_candidates_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "catalogue_item" add constraint "catalogue_item_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade;`);
    this.addSql(`alter table "catalogue_item" add constraint "catalogue_item_responsible_department_code_foreign" foreign key ("responsible_department_code") references "department" ("code") on update cascade;`);

    this.addSql(`alter table "responsibility" add constraint "responsibility_department_code_foreign" foreign key ("department_code") references "department" ("code") on update cascade;`);

    this.addSql(`alter table "housing_rural_renovation" add constraint "housing_rural_renovation_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "subject" add constraint "subject_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "credit_entry" add constraint "credit_entry_credit_code_foreign" foreign key ("credit_code") references "subject" ("credit_code") on update cascade;`);
    this.addSql(`alter table "credit_entry" add constraint "credit_entry_decided_by_code_foreign" foreign key ("decided_by_code") references "department" ("code") on update cascade;`);
    this.addSql(`alter table "credit_entry" add constraint "credit_entry_basis_disclosure_id_foreign" foreign key ("basis_disclosure_id") references "disclosure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bidding_tender_notice" add constraint "bidding_tender_notice_disclosure_id_foreign" foreign key ("disclosure_id") references "disclosure" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "property_result" drop constraint "property_result_disclosure_id_foreign";`);

    this.addSql(`alter table "property_notice" drop constraint "property_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "property_approval" drop constraint "property_approval_disclosure_id_foreign";`);

    this.addSql(`alter table "procurement_supervision" drop constraint "procurement_supervision_disclosure_id_foreign";`);

    this.addSql(`alter table "procurement_result" drop constraint "procurement_result_disclosure_id_foreign";`);

    this.addSql(`alter table "procurement_notice" drop constraint "procurement_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "procurement_documents" drop constraint "procurement_documents_disclosure_id_foreign";`);

    this.addSql(`alter table "procurement_contract" drop constraint "procurement_contract_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_prequalification_notice" drop constraint "bidding_prequalification_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "disclosure_party" drop constraint "disclosure_party_disclosure_id_foreign";`);

    this.addSql(`alter table "mining_notice" drop constraint "mining_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "mining_deal" drop constraint "mining_deal_disclosure_id_foreign";`);

    this.addSql(`alter table "mining_approval" drop constraint "mining_approval_disclosure_id_foreign";`);

    this.addSql(`alter table "land_transfer_notice" drop constraint "land_transfer_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "land_deal" drop constraint "land_deal_disclosure_id_foreign";`);

    this.addSql(`alter table "land_supply_plan" drop constraint "land_supply_plan_disclosure_id_foreign";`);

    this.addSql(`alter table "housing_scheme" drop constraint "housing_scheme_disclosure_id_foreign";`);

    this.addSql(`alter table "housing_plan_progress" drop constraint "housing_plan_progress_disclosure_id_foreign";`);

    this.addSql(`alter table "housing_annual_plan" drop constraint "housing_annual_plan_disclosure_id_foreign";`);

    this.addSql(`alter table "housing_allocation" drop constraint "housing_allocation_disclosure_id_foreign";`);

    this.addSql(`alter table "mining_exploration_notice" drop constraint "mining_exploration_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "emission_auction_result" drop constraint "emission_auction_result_disclosure_id_foreign";`);

    this.addSql(`alter table "emission_auction_notice" drop constraint "emission_auction_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "drug_result" drop constraint "drug_result_disclosure_id_foreign";`);

    this.addSql(`alter table "drug_notice" drop constraint "drug_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "drug_catalog" drop constraint "drug_catalog_disclosure_id_foreign";`);

    this.addSql(`alter table "disclosure_revision" drop constraint "disclosure_revision_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_contract_performance" drop constraint "bidding_contract_performance_disclosure_id_foreign";`);

    this.addSql(`alter table "disclosure_publication" drop constraint "disclosure_publication_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_result" drop constraint "bidding_result_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_approval" drop constraint "bidding_approval_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_market_credit" drop constraint "bidding_market_credit_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_candidates" drop constraint "bidding_candidates_disclosure_id_foreign";`);

    this.addSql(`alter table "housing_rural_renovation" drop constraint "housing_rural_renovation_disclosure_id_foreign";`);

    this.addSql(`alter table "credit_entry" drop constraint "credit_entry_basis_disclosure_id_foreign";`);

    this.addSql(`alter table "bidding_tender_notice" drop constraint "bidding_tender_notice_disclosure_id_foreign";`);

    this.addSql(`alter table "credit_entry" drop constraint "credit_entry_credit_code_foreign";`);

    this.addSql(`drop table if exists "disclosure" cascade;`);

    this.addSql(`drop table if exists "property_result" cascade;`);

    this.addSql(`drop table if exists "property_notice" cascade;`);

    this.addSql(`drop table if exists "property_approval" cascade;`);

    this.addSql(`drop table if exists "procurement_supervision" cascade;`);

    this.addSql(`drop table if exists "procurement_result" cascade;`);

    this.addSql(`drop table if exists "procurement_notice" cascade;`);

    this.addSql(`drop table if exists "procurement_documents" cascade;`);

    this.addSql(`drop table if exists "procurement_contract" cascade;`);

    this.addSql(`drop table if exists "bidding_prequalification_notice" cascade;`);

    this.addSql(`drop table if exists "disclosure_party" cascade;`);

    this.addSql(`drop table if exists "mining_notice" cascade;`);

    this.addSql(`drop table if exists "mining_deal" cascade;`);

    this.addSql(`drop table if exists "mining_approval" cascade;`);

    this.addSql(`drop table if exists "land_transfer_notice" cascade;`);

    this.addSql(`drop table if exists "land_deal" cascade;`);

    this.addSql(`drop table if exists "land_supply_plan" cascade;`);

    this.addSql(`drop table if exists "housing_scheme" cascade;`);

    this.addSql(`drop table if exists "housing_plan_progress" cascade;`);

    this.addSql(`drop table if exists "housing_annual_plan" cascade;`);

    this.addSql(`drop table if exists "housing_allocation" cascade;`);

    this.addSql(`drop table if exists "mining_exploration_notice" cascade;`);

    this.addSql(`drop table if exists "emission_auction_result" cascade;`);

    this.addSql(`drop table if exists "emission_auction_notice" cascade;`);

    this.addSql(`drop table if exists "drug_result" cascade;`);

    this.addSql(`drop table if exists "drug_notice" cascade;`);

    this.addSql(`drop table if exists "drug_catalog" cascade;`);

    this.addSql(`drop table if exists "disclosure_revision" cascade;`);

    this.addSql(`drop table if exists "bidding_contract_performance" cascade;`);

    this.addSql(`drop table if exists "disclosure_publication" cascade;`);

    this.addSql(`drop table if exists "bidding_result" cascade;`);

    this.addSql(`drop table if exists "bidding_approval" cascade;`);

    this.addSql(`drop table if exists "bidding_market_credit" cascade;`);

    this.addSql(`drop table if exists "bidding_candidates" cascade;`);

    this.addSql(`drop table if exists "catalogue_item" cascade;`);

    this.addSql(`drop table if exists "responsibility" cascade;`);

    this.addSql(`drop table if exists "housing_rural_renovation" cascade;`);

    this.addSql(`drop table if exists "subject" cascade;`);

    this.addSql(`drop table if exists "credit_entry" cascade;`);

    this.addSql(`drop table if exists "bidding_tender_notice" cascade;`);

    this.addSql(`drop type "domain";`);
    this.addSql(`drop type "disclosure_status";`);
    this.addSql(`drop type "exemption";`);
    this.addSql(`drop type "property_transfer_method";`);
    this.addSql(`drop type "property_bidding_method";`);
    this.addSql(`drop type "supervision_kind";`);
    this.addSql(`drop type "procurement_method";`);
    this.addSql(`drop type "evaluation_method";`);
    this.addSql(`drop type "bidding_submission_method";`);
    this.addSql(`drop type "bidding_prequalification_method";`);
    this.addSql(`drop type "party_role";`);
    this.addSql(`drop type "area_unit";`);
    this.addSql(`drop type "mining_transfer_method";`);
    this.addSql(`drop type "mining_payment_method";`);
    this.addSql(`drop type "mining_right_kind";`);
    this.addSql(`drop type "mining_application_type";`);
    this.addSql(`drop type "land_transfer_method";`);
    this.addSql(`drop type "land_use";`);
    this.addSql(`drop type "housing_project_type";`);
    this.addSql(`drop type "mining_exploration_degree";`);
    this.addSql(`drop type "emission_pollutant";`);
    this.addSql(`drop type "drug_drug_type";`);
    this.addSql(`drop type "drug_procurement_method";`);
    this.addSql(`drop type "bidding_acceptance_grade";`);
    this.addSql(`drop type "channel";`);
    this.addSql(`drop type "bidding_project_approval_kind";`);
    this.addSql(`drop type "bidding_tendering_method";`);
    this.addSql(`drop type "bidding_tendering_organisation";`);
    this.addSql(`drop type "time_limit_unit";`);
    this.addSql(`drop type "disclosure_mode";`);
    this.addSql(`drop type "responsibility_role";`);
    this.addSql(`drop type "subject_kind";`);
    this.addSql(`drop type "credit_list";`);
  }

}
