import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { verifyAuditLog } from './audit/service.js';
import { totpAt } from './auth/totp.js';
import { createPii } from './crypto/pii.js';
import { createRegionService } from './regions/service.js';
import { importCommand } from './registry/import/cli.js';
import { userAddCommand } from './auth/users-cli.js';
import { cycleCommand } from './benefits/cli.js';
import { projectCommand } from './projection/cli.js';

// `npm run cli -- <command>`: the operator's commands, on the same database as the server
// (stop the server first when it runs on embedded PGlite: one process owns its files).
const USAGE = `usage: npm run cli -- <command>
  import <file.csv|file.xlsx> [--jurisdiction CODE] [--user NAME] [--lang zh-CN|en]
                         import persons, with a progress bar and an error report
  benefits-cycle --scheme CODE --period 2026|2026-03|once [--jurisdiction CODE] [--supplement] [--chunk-size N] [--pause-ms N]
                         run a payment cycle (resumes when run again after a stop)
  audit-verify           verify the audit log's hash chain and its anchors (truncation, re-chaining),
                         then seal the new entries; names the first broken entry
  user-add <username> --name NAME --role ROLE --jurisdiction CODE [--department DEPT]
                         create a user (password from CRADLE_NEW_PASSWORD; prints the TOTP secret once)
  totp <username>        print the current TOTP code of a demo user with a secret (demo mode only)
  project --inputs DIR --years N --out FILE.csv [--migration end|even]
                         cohort-component projection of a folder of CSV inputs shaped as the UN's Canada
                         files (reference/projection); writes year,sex,age,pop; no database`;

const [command, ...args] = process.argv.slice(2);
const config = loadConfig();
let code = 0;

if (command === 'project') {
  code = await projectCommand(args);
} else if (command === 'totp') {
  // Demo secrets are public (README); real secrets are never printed.
  const { demoUsers } = await import('./demo/users.js');
  const user = demoUsers(config.scopeCode, '', '', '').find((u) => u.username === args[0]);
  if (!config.demo || !user?.totpSecret) {
    console.error('totp: only for demo users with a TOTP secret (admin, county, finance) with CRADLE_DEMO on');
    code = 1;
  } else {
    console.log(totpAt(user.totpSecret, Date.now()));
  }
} else if (
  command === 'audit-verify' ||
  command === 'import' ||
  command === 'user-add' ||
  command === 'benefits-cycle'
) {
  const platform = await bootstrap(config, () => undefined, { loadDemo: false });
  try {
    if (command === 'audit-verify') {
      const r = await verifyAuditLog(platform.database, {
        key: platform.keys.auditSealing,
        file: config.auditAnchorFile,
      });
      const a = r.anchors;
      console.log(
        r.ok
          ? `audit log intact 审计日志完好: ${r.checked} entries verified; ${a.count} anchors in ${config.auditAnchorFile}, through seq ${a.anchoredThrough ?? '-'} (${a.lastAt ?? 'none'})`
          : `audit log BROKEN 审计日志已被篡改 (${r.checked} entries chain correctly):`,
      );
      for (const f of r.findings) console.log(`  ${f.message.zh}\n  ${f.message.en}`);
      code = r.ok ? 0 : 2;
    } else if (command === 'benefits-cycle') {
      code = await cycleCommand(args, { database: platform.database, defaultJurisdictionCode: config.scopeCode });
    } else if (command === 'user-add') {
      const regions = await createRegionService(platform.database);
      code = await userAddCommand(args, platform.database, platform.keys, regions.exists);
    } else {
      const regions = await createRegionService(platform.database);
      code = await importCommand(args, {
        database: platform.database,
        pii: createPii(platform.keys),
        regionExists: regions.exists,
        defaultJurisdictionCode: config.scopeCode,
      });
    }
  } finally {
    await platform.database.close();
  }
} else {
  console.error(USAGE);
  code = command ? 1 : 0;
}
process.exit(code);
