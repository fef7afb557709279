import { generateDemoOrganisation } from './generate-demo.js';
import { parse } from 'csv-parse/sync';
const org = generateDemoOrganisation({ seed: process.env.SEED ? Number(process.env.SEED) : undefined, now: new Date('2026-11-23T09:00:00Z') });
const hr = parse(org.hrCsv, { columns: true }) as Record<string,string>[];
console.log('hr', hr.length, 'terminated', hr.filter(h=>h.status==='terminated').length, 'aliases', org.aliases.length);
let total=0; const noUsage:string[]=[]; const all=new Set<string>(); const stats={active:0,suspended:0,deleted:0, nulls:0, names:0};
const termActive=new Set<string>(); const term=new Set(hr.filter(h=>h.status==='terminated').map(h=>h.email));
for (const a of org.apps) {
  let users: {email:string,status:string,lastUsedAt:string|null, name?: string|null}[];
  if (a.feed==='csv') users = (parse(a.csv,{columns:true}) as any[]).map(u=>({email:u.email,status:u.status,lastUsedAt:u.last_used_at||null,name:u.name||null}));
  else if ('licenses' in a.snapshot) users = a.snapshot.users.map(u=>({email:u.email,status:u.status==='deleted'?'deleted':u.externalStatus==='suspended'?'suspended':'active',lastUsedAt:u.lastUsedDate??null, name: u.firstName??null}));
  else users = a.snapshot.users.map(u=>({email:u.email,status:u.status!,lastUsedAt:u.lastUsedAt??null,name:u.name??null}));
  total+=users.length; if (users.every(u=>!u.lastUsedAt)) noUsage.push(a.name);
  for (const u of users){ all.add(u.email); (stats as any)[u.status]++; if(!u.lastUsedAt) stats.nulls++; if(!u.name) stats.names++; if(term.has(u.email)&&u.status==='active') termActive.add(u.email);}
  console.log(a.name.padEnd(24), a.feed, users.length);
}
const hrSet=new Set(hr.map(h=>h.email)); const aliasSet=new Set(org.aliases.map(a=>a.alias));
const ext=[...all].filter(e=>!e.endsWith('@acme.example')&&!e.endsWith('@acme-labs.example'));
const svc=[...all].filter(e=>e.endsWith('@acme.example')&&!hrSet.has(e)&&!aliasSet.has(e));
console.log({total, noUsage: noUsage.length, stats, contractors: ext.length, svc, aliasHolding: [...aliasSet].filter(a=>all.has(a)).length, termActive: termActive.size, admin: org.adminEmail});
console.log(org.hrCsv.split('\n').slice(0,4).join('\n'));
