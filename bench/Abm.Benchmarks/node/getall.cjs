// Reads every contact and company with HubSpot's official Node client (getAll pages internally), the way a
// Node integration would, and prints {"contacts":N,"companies":N,"ms":T}. Input: SANDBOX_BASE_URL, SANDBOX_TOKEN.
const hubspot = require('@hubspot/api-client');

const client = new hubspot.Client({ accessToken: process.env.SANDBOX_TOKEN, basePath: process.env.SANDBOX_BASE_URL, numberOfApiCallRetries: 6 });
const contactProperties = process.env.CONTACT_PROPERTIES.split(',');
const companyProperties = process.env.COMPANY_PROPERTIES.split(',');

(async () => {
  const started = Date.now();
  const companies = await client.crm.companies.getAll(100, undefined, companyProperties);
  const contacts = await client.crm.contacts.getAll(100, undefined, contactProperties, undefined, ['companies']);
  console.log(JSON.stringify({ contacts: contacts.length, companies: companies.length, ms: Date.now() - started }));
})().catch((error) => {
  console.error(String(error && (error.body ? JSON.stringify(error.body) : error.stack || error)));
  process.exit(1);
});
