// Validates a Compose file offline against the vendored Compose Specification JSON schema
// (.ci/compose-spec.json), then checks that every ${VAR} it uses is documented in
// config/.env.example. Run it through .ci/validate-compose, which installs the npm packages.
//
//   node .ci/validate-compose.mjs <compose.yml> <env-example> <node_modules parent dir>
//
// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [composePath, envExamplePath, nodeDir] = process.argv.slice(2);
if (!composePath || !envExamplePath || !nodeDir) {
  console.error('usage: validate-compose.mjs <compose.yml> <env-example> <node-dir>');
  process.exit(2);
}

// the packages live in the CI cache directory, not next to this file
const require = createRequire(join(nodeDir, 'package.json'));
const yaml = require('js-yaml');
const addFormats = require('ajv-formats');

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), 'compose-spec.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

let text;
try {
  text = readFileSync(composePath, 'utf8');
} catch (e) {
  console.error(`${composePath}: ${e.message}`);
  process.exit(2);
}

const problems = [];

// --- YAML -------------------------------------------------------------------------------
let doc;
try {
  // js-yaml rejects duplicate keys, as Compose does
  doc = yaml.load(text, { filename: composePath });
} catch (e) {
  console.error(`${composePath}: YAML: ${e.message}`);
  process.exit(1);
}
if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
  console.error(`${composePath}: the top level must be a mapping`);
  process.exit(1);
}

// --- interpolation ----------------------------------------------------------------------
// Compose validates after substituting ${VAR}; do the same, environment-independent:
// ${V:-d} and ${V-d} take d, ${V:?m} and ${V?m} a placeholder, ${V}, $V and ${V:+a} empty; $$ is $.
const VAR = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const usedVars = new Map(); // name -> first path

function interpolate(value, path) {
  if (typeof value === 'string') {
    if (value.replace(VAR, '').includes('${')) {
      problems.push(`${path || '/'}: cannot parse the \${...} expression in "${value}"`);
    }
    return value.replace(VAR, (match, braced, op, arg, bare) => {
      if (match === '$$') return '$';
      const name = braced ?? bare;
      if (!usedVars.has(name)) usedVars.set(name, path);
      switch (op) {
        case ':-': case '-': return interpolate(arg, path);
        case ':?': case '?': return `placeholder-${name}`;
        default: return '';
      }
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, `${path}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, `${path}/${k}`)]));
  }
  return value;
}
const resolved = interpolate(doc, '');

// --- schema -----------------------------------------------------------------------------
const draft = String(schema.$schema ?? '');
const Ajv = draft.includes('2020-12') ? require('ajv/dist/2020')
  : draft.includes('2019-09') ? require('ajv/dist/2019')
  : require('ajv');
const AjvClass = Ajv.default ?? Ajv;
// In memory only: drop "$schema" (Ajv knows the meta-schemas by their https ids, the spec's
// schema may spell them http://...#) and the draft-04 "id" members older revisions carry, which
// Ajv refuses and later drafts ignore (string-valued only: a property named "id" is an object).
function normalise(node) {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
    .map(([k, v]) => [k, normalise(v)]));
}
const normalised = normalise(schema);
delete normalised.$schema;
const ajv = new AjvClass({
  allErrors: true,
  strict: false, // the spec's schema uses annotations Ajv's strict mode does not know
  validateSchema: false,
});
(addFormats.default ?? addFormats)(ajv);

// formats the spec defines itself, as compose-go checks them
const RANGE = '\\d{1,5}(?:-\\d{1,5})?';
const PORTS = new RegExp(`^(?:(?:(?:\\[[0-9A-Fa-f:.]+\\]|[0-9.]+|[0-9A-Fa-f:]+):)?(?:${RANGE})?:)?${RANGE}(?:/(?:tcp|udp|sctp))?$`);
const EXPOSE = new RegExp(`^${RANGE}(?:/(?:tcp|udp|sctp))?$`);
const portsInRange = (s) => (s.replace(/^\[[^\]]*\]|^[0-9.]+:(?=.*:)/, '').match(/\d+/g) ?? [])
  .every((n) => Number(n) <= 65535);
ajv.addFormat('ports', { type: 'string', validate: (s) => PORTS.test(s) && portsInRange(s) });
ajv.addFormat('expose', { type: 'string', validate: (s) => EXPOSE.test(s) });
ajv.addFormat('duration', {
  type: 'string',
  validate: (s) => /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$|^0$/.test(s),
});
ajv.addFormat('subnet_ip_address', {
  type: 'string',
  validate: (s) => {
    const m = /^(.+)\/(\d{1,3})$/.exec(s);
    if (!m) return false;
    const family = isIP(m[1]);
    return family !== 0 && Number(m[2]) <= (family === 4 ? 32 : 128);
  },
});

let validate;
try {
  validate = ajv.compile(normalised);
} catch (e) {
  console.error(`${schemaPath}: cannot compile the schema: ${e.message}`);
  process.exit(2);
}
if (!validate(resolved)) {
  for (const e of validate.errors) {
    const where = e.instancePath || '/';
    const extra = e.params?.additionalProperty ? ` (${e.params.additionalProperty})`
      : e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
    problems.push(`${where}: ${e.message}${extra}  [schema ${e.schemaPath}]`);
  }
}

// --- references the schema cannot see --------------------------------------------------
const services = resolved.services && typeof resolved.services === 'object' ? resolved.services : {};
const declaredVolumes = new Set(Object.keys(resolved.volumes ?? {}));
for (const [name, service] of Object.entries(services)) {
  if (!service || typeof service !== 'object') continue;
  const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
  for (const dep of deps) {
    if (!(dep in services)) problems.push(`/services/${name}/depends_on: unknown service "${dep}"`);
  }
  for (const v of Array.isArray(service.volumes) ? service.volumes : []) {
    const source = typeof v === 'string' ? (v.includes(':') ? v.split(':')[0] : null)
      : v && v.type === 'volume' ? v.source : null;
    if (source && !/^[./~]/.test(source) && !declaredVolumes.has(source)) {
      problems.push(`/services/${name}/volumes: named volume "${source}" is not declared under top-level volumes`);
    }
  }
}

// --- drift: every variable the file uses is documented -----------------------------------
let envText;
try {
  envText = readFileSync(envExamplePath, 'utf8');
} catch (e) {
  console.error(`${envExamplePath}: ${e.message}`);
  process.exit(2);
}
// documented = an assignment line, commented out or not: "NAME=..." or "#NAME=..."
const documented = new Set([...envText.matchAll(/^[ \t]*#?[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/gm)]
  .map((m) => m[1]));
for (const [name, path] of usedVars) {
  if (!documented.has(name)) {
    problems.push(`${path || '/'}: \${${name}} is not listed in ${envExamplePath}`);
  }
}

if (problems.length > 0) {
  console.error(`${composePath}: INVALID, ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`${composePath}: valid (Compose Specification schema; ${Object.keys(services).length} services; `
  + `${usedVars.size} variables, all in ${envExamplePath})`);
