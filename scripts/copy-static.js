// Copies the web page and staff console files (HTML, CSS, browser JS) next to the compiled code.
const { cpSync } = require('node:fs');
for (const dir of ['web', 'staff/console']) {
  cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
