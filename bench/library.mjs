// Library benchmark: the average cost of `net({ gross, city })` through the built
// library (dist/index.mjs) over warm calls, in µs. Run in a child by bench/startup.mjs
// (several times, interleaved with the start-up runs); prints one number, µs a call.
//   node bench/library.mjs [calls = 100000] [library = ../dist/index.mjs]
import { pathToFileURL } from 'node:url';

const calls = Number(process.argv[2]) || 100_000;
const lib = process.argv[3] ? pathToFileURL(process.argv[3]).href : new URL('../dist/index.mjs', import.meta.url).href;
const { net } = await import(lib);
const CITIES = ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu', 'wuhan', 'xian', 'nanjing', 'suzhou'];
const call = (i) => net({ gross: 3000 + ((i * 7919) % 40000) + (i % 100) / 100, city: CITIES[i % 10] });

// Warm: every city's rules resolved and the code compiled before the clock starts.
let sink = 0;
for (let i = 0; i < 5_000; i++) sink += call(i).annual.net;
const t0 = process.hrtime.bigint();
for (let i = 0; i < calls; i++) sink += call(i).annual.net;
const us = Number(process.hrtime.bigint() - t0) / 1e3 / calls;
if (!Number.isFinite(sink)) throw new Error('no result');
console.log(us.toFixed(2));
