import { proposedSearchSql } from './proposed-search.mjs';
const common = await import('/work/main/dist/libs/common/src/index.js');
const T = await import('/work/main/dist/libs/tickets/src/ticket-number.service.js');
const q = JSON.parse(process.argv[2]);
const r = proposedSearchSql(q, { normalizeSearchText: common.normalizeSearchText, parseTicketNumber: T.parseTicketNumber, normalizePhoneNumber: common.normalizePhoneNumber, decodeCursor: common.decodeCursor });
let t = r.text; r.params.forEach((p, i) => { t = t.replaceAll(`$${r.params.length - i}`, `'${r.params[r.params.length - 1 - i]}'`); });
console.log(t + ';');
