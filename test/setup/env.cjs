// Runs before every test file (plain JS: it touches process.env, which .ts files may not).
const path = require('node:path');

// n8n-core's InstanceSettings writes a config with an encryption key under the user folder.
process.env.N8N_USER_FOLDER = path.join(__dirname, '..', '..', '.n8n-test');
// n8n-core's error reporter would print every failed node to stdout.
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
