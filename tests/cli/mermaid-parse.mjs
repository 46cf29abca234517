// Parse every ```mermaid block of the Markdown files named on the command
// line with Mermaid's own parser (mermaid 10, under jsdom); print one line
// per block that does not parse and exit 1 if any.
//   node mermaid-parse.mjs NODE_MODULES FILE.md...
import fs from 'fs';
import path from 'path';
import { createRequire } from 'module';

const [root, ...files] = process.argv.slice(2);
const require = createRequire(path.join(root, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
global.window = dom.window;
global.document = dom.window.document;
const mermaid = (await import(path.join(root, 'mermaid/dist/mermaid.core.mjs'))).default;
mermaid.initialize({ startOnLoad: false });

let blocks = 0, bad = 0;
for (const f of files) {
	const md = fs.readFileSync(f, 'utf8');
	const fence = /^```mermaid\n([\s\S]*?)^```$/gm;
	let m;
	while ((m = fence.exec(md))) {
		blocks++;
		try {
			await mermaid.parse(m[1]);
		} catch (e) {
			bad++;
			console.log(`${f}: ${String(e.message || e).split('\n').slice(0, 3).join(' | ')}`);
		}
	}
}
console.log(`${blocks} Mermaid blocks, ${bad} that do not parse`);
process.exit(bad ? 1 : 0);
