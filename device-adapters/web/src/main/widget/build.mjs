// Bundles the widget with esbuild into the folder given (the Maven build passes its classes folder):
// widget.js, the loader a page embeds, and chat.js, the chat it loads when opened. Both minified, ES2020.
import { build } from 'esbuild';

const out = process.argv[2] || 'dist';
for (const [entry, name] of [['src/loader.js', 'widget.js'], ['src/chat.js', 'chat.js']]) {
  await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2020',
    outfile: `${out}/${name}`, legalComments: 'none', logLevel: 'warning',
  });
}
