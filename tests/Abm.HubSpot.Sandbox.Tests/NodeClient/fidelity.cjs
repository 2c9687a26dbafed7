// Drives HubSpot's official Node client (@hubspot/api-client) against a running sandbox.
// Input: SANDBOX_BASE_URL, SANDBOX_TOKEN, SANDBOX_PORTAL_ID, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET,
// SANDBOX_APP_ID, SANDBOX_DEVELOPER_API_KEY. Prints one line per check; exits non-zero if any failed.
const http = require('node:http');
const hubspot = require('@hubspot/api-client');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const basePath = env('SANDBOX_BASE_URL');
const portalId = env('SANDBOX_PORTAL_ID');
const clientId = env('SANDBOX_CLIENT_ID');
const clientSecret = env('SANDBOX_CLIENT_SECRET');
const appId = Number(env('SANDBOX_APP_ID'));
const client = new hubspot.Client({ accessToken: env('SANDBOX_TOKEN'), basePath, numberOfApiCallRetries: 3 });
const developer = new hubspot.Client({ developerApiKey: env('SANDBOX_DEVELOPER_API_KEY'), basePath });

const assert = (condition, message) => { if (!condition) throw new Error(message); };
const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (error) {
    results.push({ name, ok: false, error: String(error && (error.body ? JSON.stringify(error.body) : error.stack || error)) });
  }
}

const unique = `${Date.now()}`;
let createdId;
let companyId;

async function main() {
  await check('create contact', async () => {
    const contact = await client.crm.contacts.basicApi.create({ properties: { email: `node-${unique}@example.com`, firstname: 'Node' }, associations: [] });
    assert(contact.id && contact.properties.email === `node-${unique}@example.com`, `unexpected contact ${JSON.stringify(contact)}`);
    assert(contact.createdAt instanceof Date, 'createdAt was not parsed as a date');
    createdId = contact.id;
  });

  await check('batch create contacts', async () => {
    const inputs = Array.from({ length: 30 }, (_, i) => ({ properties: { email: `node-batch-${i}-${unique}@example.com` }, associations: [] }));
    const response = await client.crm.contacts.batchApi.create({ inputs });
    assert(response.status === 'COMPLETE' && response.results.length === 30, `unexpected batch ${response.status} ${response.results.length}`);
  });

  await check('getAll pages over 250+ contacts', async () => {
    const all = await client.crm.contacts.getAll(100);
    assert(all.length >= 250, `only ${all.length} contacts`);
    assert(new Set(all.map((c) => c.id)).size === all.length, 'getAll returned duplicates');
  });

  await check('batch read', async () => {
    const response = await client.crm.contacts.batchApi.read({ inputs: [{ id: createdId }], properties: ['email', 'firstname'], propertiesWithHistory: [] });
    assert(response.results[0].properties.firstname === 'Node', JSON.stringify(response.results));
  });

  await check('search with filters and sorting', async () => {
    const response = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: `*${unique}@example.com` }] }],
      sorts: [{ propertyName: 'email', direction: 'DESCENDING' }],
      properties: ['email'],
      limit: 5,
      after: '0',
    });
    assert(response.total === 31, `total ${response.total}`);
    assert(response.results.length === 5 && response.paging.next.after === '5', 'paging');
    const emails = response.results.map((r) => r.properties.email);
    assert(JSON.stringify(emails) === JSON.stringify([...emails].sort().reverse()), `not sorted: ${emails}`);
  });

  await check('property group and property creation', async () => {
    const group = await client.crm.properties.groupsApi.create('contacts', { name: `abm_engine_${unique}`, label: 'ABM Engine' });
    assert(group.name === `abm_engine_${unique}`, 'group');
    const property = await client.crm.properties.coreApi.create('contacts', {
      name: `abm_score_${unique}`, label: 'Score', type: 'number', fieldType: 'number', groupName: group.name,
    });
    assert(property.name === `abm_score_${unique}` && property.type === 'number', 'property');
    const updated = await client.crm.contacts.basicApi.update(createdId, { properties: { [`abm_score_${unique}`]: '88' } });
    assert(updated.properties[`abm_score_${unique}`] === '88', 'property value');
  });

  await check('associations v4 default and read back', async () => {
    const company = await client.crm.companies.basicApi.create({ properties: { name: `Node Co ${unique}` }, associations: [] });
    companyId = company.id;
    await client.crm.associations.v4.basicApi.createDefault('contacts', createdId, 'companies', companyId);
    const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'contacts');
    assert(page.results.some((r) => String(r.toObjectId) === createdId), JSON.stringify(page.results));
    const contact = await client.crm.contacts.basicApi.getById(createdId, ['email'], undefined, ['companies']);
    assert(contact.associations.companies.results.some((r) => r.id === companyId), 'v3 associations');
  });

  await check('deal pipelines and stages, and a created pipeline used by a deal', async () => {
    const all = await client.crm.pipelines.pipelinesApi.getAll('deals');
    const sales = all.results.find((p) => p.id === 'default');
    assert(sales && sales.stages.length === 7, `unexpected pipelines ${JSON.stringify(all.results)}`);
    assert(sales.stages[0].metadata.probability === '0.2' && sales.createdAt instanceof Date, JSON.stringify(sales.stages[0]));
    const stages = await client.crm.pipelines.pipelineStagesApi.getAll('deals', 'default');
    assert(stages.results.map((s) => s.id).join(',') === sales.stages.map((s) => s.id).join(','), 'stages differ');
    const created = await client.crm.pipelines.pipelinesApi.create('deals', {
      label: `Node pipeline ${unique}`, displayOrder: 1,
      stages: [{ label: 'Open', displayOrder: 0, metadata: { probability: '0.5' } }],
    });
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'Node deal', pipeline: created.id, dealstage: created.stages[0].id }, associations: [] });
    assert(deal.properties.dealstage === created.stages[0].id, JSON.stringify(deal));
  });

  await check('429 TEN_SECONDLY_ROLLING retried by the client', async () => {
    const response = await fetch(`${basePath}/_sandbox/portals`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accounts: 1, burstLimit: 2 }),
    });
    const portal = await response.json();
    const limited = new hubspot.Client({ accessToken: portal.accessToken, basePath, numberOfApiCallRetries: 3 });
    for (let i = 0; i < 3; i++) await limited.crm.companies.basicApi.getPage(1);
    const counters = await (await fetch(`${basePath}/_sandbox/counters`)).json();
    const throttled = counters.results.filter((c) => c.portalId === portal.portalId && c.status === 429);
    assert(throttled.length === 1 && throttled[0].count >= 1, `no 429 was served: ${JSON.stringify(counters.results)}`);
  });

  await check('lists: create a manual list, add members, search it', async () => {
    const created = await client.crm.lists.listsApi.create({ name: `Node list ${unique}`, objectTypeId: '0-1', processingType: 'MANUAL' });
    const listId = created.list.listId;
    const added = await client.crm.lists.membershipsApi.add(listId, [createdId, '999999999']);
    assert(added.recordIdsMissing.includes('999999999'), `missing ids not reported: ${JSON.stringify(added)}`);
    const found = await client.crm.lists.listsApi.doSearch({ query: `Node list ${unique}`, processingTypes: ['MANUAL'], additionalProperties: [], listIds: [], offset: 0, count: 10 });
    assert(found.total === 1 && found.lists[0].listId === listId && found.lists[0].additionalProperties.hs_list_size === '1', JSON.stringify(found));
  });

  await check('marketing emails: page the seeded templates', async () => {
    const page = await client.marketing.emails.marketingEmailsApi.getPage(undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 2);
    assert(page.results.length === 2 && page.paging.next.after, JSON.stringify(page));
    assert(page.results[0].name && page.results[0].subject && page.results[0].state, JSON.stringify(page.results[0]));
  });

  await check('OAuth code and refresh exchange', async () => {
    const redirectUri = 'https://app.example.com/oauth/callback';
    const authorize = `${basePath}/oauth/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&scope=${encodeURIComponent('crm.objects.contacts.read oauth')}&state=node&portalId=${portalId}`;
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const location = new URL(redirect.headers.get('location'));
    assert(location.searchParams.get('state') === 'node', 'state');
    const tokens = await client.oauth.tokensApi.create('authorization_code', location.searchParams.get('code'), redirectUri, clientId, clientSecret);
    assert(tokens.accessToken && tokens.refreshToken && tokens.expiresIn === 1800 && tokens.tokenType === 'bearer', JSON.stringify(tokens));
    const refreshed = await client.oauth.tokensApi.create('refresh_token', undefined, undefined, clientId, clientSecret, tokens.refreshToken);
    assert(refreshed.accessToken && refreshed.accessToken !== tokens.accessToken, 'refresh');
    const info = await client.oauth.accessTokensApi.get(refreshed.accessToken);
    assert(String(info.hubId) === portalId, JSON.stringify(info));
    const oauthClient = new hubspot.Client({ accessToken: refreshed.accessToken, basePath });
    const page = await oauthClient.crm.contacts.basicApi.getPage(1);
    assert(page.results.length === 1, 'oauth call');
  });

  await check('Signature.isValid accepts a webhook the sandbox signed', async () => {
    const received = new Promise((resolve, reject) => {
      const server = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => { body += chunk; });
        request.on('end', () => {
          const url = `http://127.0.0.1:${server.address().port}${request.url}`;
          response.writeHead(200).end();
          server.close();
          resolve({ headers: request.headers, body, url });
        });
      }).listen(0, '127.0.0.1', () => {
        const targetUrl = `http://127.0.0.1:${server.address().port}/webhooks?from=hubspot`;
        developer.webhooks.settingsApi.configure(appId, { targetUrl, throttling: { maxConcurrentRequests: 10, period: 'SECONDLY' } })
          .then(() => developer.webhooks.subscriptionsApi.create(appId, { eventType: 'contact.creation', active: true }))
          .then(() => client.crm.contacts.basicApi.create({ properties: { email: `webhook-${unique}@example.com` }, associations: [] }))
          .catch((error) => { server.close(); reject(error); });
      });
    });
    const request = await Promise.race([received, new Promise((_, reject) => setTimeout(() => reject(new Error('no webhook within 10 s')), 10000))]);
    const valid = hubspot.Signature.isValid({
      signatureVersion: 'v3',
      signature: request.headers['x-hubspot-signature-v3'],
      clientSecret,
      requestBody: request.body,
      url: request.url,
      method: 'POST',
      timestamp: Number(request.headers['x-hubspot-request-timestamp']),
    });
    assert(valid, 'the official client rejected the sandbox signature');
    const v1 = hubspot.Signature.isValid({ signatureVersion: 'v1', signature: request.headers['x-hubspot-signature'], clientSecret, requestBody: request.body });
    assert(v1, 'v1 signature rejected');
  });

  for (const result of results) console.log(JSON.stringify(result));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main().catch((error) => { console.error(error); process.exit(2); });
