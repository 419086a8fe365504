// The HubSpot properties behind the node's field names (n8n's mapping), and turning a field
// collection into HubSpot's property lists: `{property, value}` (contacts v1) or `{name, value}`.
import type { JsonObject } from '../../engine/index.ts';

export const CONTACT_PROPERTY: Record<string, string> = {
  annualRevenue: 'annualrevenue', associatedCompanyId: 'associatedcompanyid', city: 'city', companyName: 'company', contactOwner: 'hubspot_owner_id',
  country: 'country', faxNumber: 'fax', firstName: 'firstname', industry: 'industry', jobTitle: 'jobtitle', lastName: 'lastname',
  leadStatus: 'hs_lead_status', lifeCycleStage: 'lifecyclestage', message: 'message', mobilePhoneNumber: 'mobilephone', phoneNumber: 'phone',
  postalCode: 'zip', stateRegion: 'state', streetAddress: 'address', websiteUrl: 'website',
};
export const COMPANY_PROPERTY: Record<string, string> = {
  name: 'name', annualRevenue: 'annualrevenue', city: 'city', companyOwner: 'hubspot_owner_id', countryRegion: 'country', description: 'description',
  companyDomainName: 'domain', industry: 'industry', lifecycleStatus: 'lifecyclestage', numberOfEmployees: 'numberofemployees', phoneNumber: 'phone',
  postalCode: 'zip', stateRegion: 'state', streetAddress: 'address', type: 'type', websiteUrl: 'website',
};
export const DEAL_PROPERTY: Record<string, string> = {
  stage: 'dealstage', amount: 'amount', closeDate: 'closedate', description: 'description', dealName: 'dealname', dealOwner: 'hubspot_owner_id',
  dealType: 'dealtype', pipeline: 'pipeline',
};
export const TICKET_PROPERTY: Record<string, string> = {
  ticketName: 'subject', pipelineId: 'hs_pipeline', stageId: 'hs_pipeline_stage', category: 'hs_ticket_category', closeDate: 'closed_date',
  createDate: 'createdate', description: 'content', priority: 'hs_ticket_priority', resolution: 'hs_resolution', source: 'source_type',
  ticketOwnerId: 'hubspot_owner_id',
};
const DATE_FIELDS = new Set(['closeDate', 'createDate']);

/** HubSpot takes dates as epoch milliseconds. */
function propertyValue(field: string, value: unknown): unknown {
  if (DATE_FIELDS.has(field) && typeof value === 'string' && value !== '') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : time;
  }
  return Array.isArray(value) ? value.join(';') : value;
}

/** The fields of a collection that name a HubSpot property, as `{<key>: name, value}` entries; custom properties last. */
export function propertyList(fields: JsonObject, map: Record<string, string>, key: 'property' | 'name'): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (map[field] === undefined || value === undefined || value === '') continue;
    list.push({ [key]: map[field], value: propertyValue(field, value) });
  }
  const custom = (fields.customPropertiesUi as JsonObject | undefined)?.customPropertiesValues;
  for (const entry of Array.isArray(custom) ? (custom as JsonObject[]) : []) list.push({ [key]: entry.property, value: entry.value });
  return list;
}
